import { describe, expect, it } from 'vitest';
import { serverTiming } from './latency-bench.js';
import { listeningUrl } from './server-process.js';

describe('listeningUrl', () => {
  // The earlier run's log holds a multi-byte character: the offset is in bytes, as the file's size is.
  const earlier = '→ Lumen is listening on http://127.0.0.1:40789/ (staff lookup: /staff)\nshutdown_finished\n';
  const now = 'Lumen is listening on http://127.0.0.1:33447/ (staff lookup: /staff)\n';
  it('reads the address this run announced, not an earlier run in the same log', () => {
    expect(listeningUrl(Buffer.from(earlier + now), Buffer.byteLength(earlier))).toBe('http://127.0.0.1:33447');
  });
  it('is undefined until this run has announced one', () => {
    expect(listeningUrl(Buffer.from(earlier), Buffer.byteLength(earlier))).toBeUndefined();
  });
});

describe('serverTiming', () => {
  const response = (header: string) => new Response('{}', { headers: { 'Server-Timing': header } });
  it('reads one metric with its description, wherever it stands and however it is spaced', () => {
    const header = 'understand;dur=0.25, safety;dur=18.8 ,encoder;desc="1 text";dur=17.2';
    expect(serverTiming(response(header), 'encoder')).toEqual({ milliseconds: 17.2, description: '1 text' });
    expect(serverTiming(response(header), 'safety')).toEqual({ milliseconds: 18.8, description: undefined });
  });
  it('is undefined for a metric that is missing or has no duration, and without the header', () => {
    expect(serverTiming(response('safety;dur=3'), 'encoder')).toBeUndefined();
    expect(serverTiming(response('encoder;desc="2 texts"'), 'encoder')).toBeUndefined();
    expect(serverTiming(new Response('{}'), 'encoder')).toBeUndefined();
  });
});
