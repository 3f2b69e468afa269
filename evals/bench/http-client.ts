import http from 'node:http';
import type { Send, SentResponse } from './latency-bench.js';

/**
 * A keep-alive HTTP/1.1 client on Node's own http module, one socket, for the latency runs. fetch (undici)
 * spends about two milliseconds of its own per POST on this machine, and the benchmark shares the server's
 * two cores: that time is the client's, not the server's, and would be counted as chat latency. For the same
 * reason the reply is a plain object, not a WHATWG Response (building one and reading its body back cost about
 * 0.2 ms after the client sat idle through a chat).
 */
export function createHttpSend(baseUrl: string): { send: Send; close: () => void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const send: Send = (path, init = {}) =>
    new Promise<SentResponse>((resolve, reject) => {
      const body = typeof init.body === 'string' ? init.body : undefined;
      const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
      if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body));
      const request = http.request(new URL(path, baseUrl), { method: init.method ?? 'GET', agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: response.statusCode ?? 0,
            headers: {
              get: (name) => {
                const value = response.headers[name.toLowerCase()];
                return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
              },
            },
            arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength),
          });
        });
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(body);
    });
  return { send, close: () => agent.destroy() };
}
