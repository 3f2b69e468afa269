import { describe, expect, it } from 'vitest';
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
