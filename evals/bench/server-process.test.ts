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

describe('createHttpSend', () => {
  it('sends the method, headers and body on one kept-alive socket and reads status, headers and body back', async () => {
    const { createServer } = await import('node:http');
    const seen: Array<{ method?: string; type?: string; body: string; socket: unknown }> = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        seen.push({ method: request.method, type: request.headers['content-type'], body: Buffer.concat(chunks).toString(), socket: request.socket });
        response.writeHead(request.method === 'POST' ? 201 : 404, { 'Server-Timing': 'encoder;desc="1 text";dur=12.5', 'Set-Cookie': ['a=1', 'b=2'] });
        response.end('é{"ok":true}');
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as import('node:net').AddressInfo;
    const { createHttpSend } = await import('./http-client.js');
    const { send, close } = createHttpSend(`http://127.0.0.1:${port}`);
    try {
      const posted = await send('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"q":"é"}' });
      expect(posted.status).toBe(201);
      expect(serverTiming(posted, 'encoder')).toEqual({ milliseconds: 12.5, description: '1 text' });
      expect(posted.headers.get('SET-COOKIE')).toBe('a=1, b=2');
      expect(posted.headers.get('x-missing')).toBeNull();
      expect(new TextDecoder().decode(await posted.arrayBuffer())).toBe('é{"ok":true}');
      const got = await send('/nothing');
      expect(got.status).toBe(404);
      expect(seen.map(({ method, type, body }) => ({ method, type, body }))).toEqual([
        { method: 'POST', type: 'application/json', body: '{"q":"é"}' },
        { method: 'GET', type: undefined, body: '' },
      ]);
      expect(seen[1].socket).toBe(seen[0].socket);
    } finally {
      close();
      await new Promise((done) => server.close(done));
    }
  });
});
