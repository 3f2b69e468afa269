import type { Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { LIMITS } from './contract.js';
import { createHttpServer } from './http-server.js';
import { createLogger } from './logger.js';
import { createTestRuntimeWith } from './testing/test-runtime.js';

// Every test here talks to a real Node HTTP server on 127.0.0.1 over raw sockets, as a proxy or a hostile client would.

const servers: Server[] = [];
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Starts the real server (real index and encoder) with env overrides; returns its port and its log lines. */
async function start(env: Record<string, string> = {}): Promise<{ port: number; lines: string[] }> {
  const runtime = await createTestRuntimeWith(env);
  const lines: string[] = [];
  const logger = createLogger({ mode: 'json', write: (line) => lines.push(line) });
  const server = createHttpServer({ app: createApp(runtime, { logger }), config: runtime.config, logger });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, lines };
}

interface RawConnection {
  socket: Socket;
  /** Everything received so far. */
  received(): string;
  /** Resolves when the server has closed the connection: "end" for a clean FIN, else the error code (ECONNRESET). */
  closed: Promise<string>;
  /** Waits until `count` whole responses have arrived (or fails after the deadline). */
  responses(count: number, deadlineMs?: number): Promise<ParsedResponse[]>;
}

interface ParsedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function open(port: number): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (data += chunk));
    const closed = new Promise<string>((done) => {
      let result = 'end';
      socket.on('error', (error: NodeJS.ErrnoException) => (result = error.code ?? 'error'));
      socket.on('close', () => done(result));
    });
    socket.once('error', reject);
    socket.once('connect', () =>
      resolve({
        socket,
        received: () => data,
        closed,
        async responses(count, deadlineMs = 10_000) {
          const started = Date.now();
          for (;;) {
            const parsed = parseResponses(data);
            if (parsed.length >= count) return parsed;
            if (Date.now() - started > deadlineMs) throw new Error(`expected ${count} responses, got ${parsed.length}: ${data.slice(0, 500)}`);
            await new Promise((wait) => setTimeout(wait, 20));
          }
        },
      }),
    );
  });
}

/** Splits a byte stream into HTTP/1.1 responses with Content-Length or chunked bodies. */
function parseResponses(data: string): ParsedResponse[] {
  const responses: ParsedResponse[] = [];
  let rest = data;
  for (;;) {
    const headEnd = rest.indexOf('\r\n\r\n');
    if (headEnd < 0) return responses;
    const [statusLine, ...headerLines] = rest.slice(0, headEnd).split('\r\n');
    const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
    let body = '';
    let after = rest.slice(headEnd + 4);
    if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length']);
      if (after.length < length) return responses;
      body = after.slice(0, length);
      after = after.slice(length);
    } else if (headers['transfer-encoding'] === 'chunked') {
      for (;;) {
        const sizeEnd = after.indexOf('\r\n');
        if (sizeEnd < 0) return responses;
        const size = parseInt(after.slice(0, sizeEnd), 16);
        if (after.length < sizeEnd + 2 + size + 2) return responses;
        body += after.slice(sizeEnd + 2, sizeEnd + 2 + size);
        after = after.slice(sizeEnd + 2 + size + 2);
        if (size === 0) break;
      }
    }
    responses.push({ status: Number(statusLine.split(' ')[1]), headers, body });
    rest = after;
  }
}

const chatBody = (content: string) => JSON.stringify({ messages: [{ role: 'user', content }] });
const post = (body: string, extra = '') => `POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`;
const get = (path: string, extra = '') => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}\r\n`;

function expectErrorBody(response: ParsedResponse, status: number, code?: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toContain('application/json');
  const body = JSON.parse(response.body) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.message.length).toBeGreaterThan(10);
  if (code) expect(body.error.code).toBe(code);
}

describe('after an early error with the body unread (item 6)', () => {
  const oversized = chatBody('a'.repeat(LIMITS.maxBodyBytes + 1000));

  it('a 413 on a declared length says Connection: close, arrives whole, and the connection ends with a FIN, not a reset', async () => {
    const { port } = await start();
    for (let round = 0; round < 5; round++) {
      const connection = await open(port);
      connection.socket.write(post(oversized));
      const [response] = await connection.responses(1);
      expectErrorBody(response, 413, 'body_too_large');
      expect(response.headers.connection).toBe('close');
      expect(await connection.closed).toBe('end');
      // The client (a pooling proxy) opens a new connection, as it was told to, and that request succeeds.
      const next = await open(port);
      next.socket.write(get('/api/search?q=order%20of%20protection&mode=instant'));
      expect((await next.responses(1))[0].status).toBe(200);
      next.socket.destroy();
    }
  });

  it('the same for a chunked body that grows past the limit', async () => {
    const { port } = await start();
    const connection = await open(port);
    connection.socket.write('POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
    const piece = 'a'.repeat(16 * 1024);
    for (let sent = 0; sent < LIMITS.maxBodyBytes + 64 * 1024; sent += piece.length) connection.socket.write(`${piece.length.toString(16)}\r\n${piece}\r\n`);
    connection.socket.write('0\r\n\r\n');
    const [response] = await connection.responses(1);
    expectErrorBody(response, 413, 'body_too_large');
    expect(response.headers.connection).toBe('close');
    expect(await connection.closed).toBe('end');
  });

  it('a request that is read whole keeps its connection: the next request on it succeeds', async () => {
    const { port } = await start();
    const connection = await open(port);
    connection.socket.write(post('{"messages": ['));
    connection.socket.write(get('/api/search?q=order&mode=instant'));
    const [bad, next] = await connection.responses(2);
    expectErrorBody(bad, 400);
    expect(bad.headers.connection).not.toBe('close');
    expect(next.status).toBe(200);
    connection.socket.destroy();
  });
});

describe('timeouts and a per-client connection cap (item 7)', () => {
  const env = { LUMEN_HEADERS_TIMEOUT_MS: '600', LUMEN_REQUEST_TIMEOUT_MS: '1200', LUMEN_KEEP_ALIVE_TIMEOUT_MS: '400', LUMEN_MAX_CONNECTIONS_PER_CLIENT: '4' };

  it('answers slow headers and a slow body with 408 and the error body, and closes', async () => {
    const { port } = await start(env);
    const started = Date.now();
    const slowHeaders = await open(port);
    slowHeaders.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const slowBody = await open(port);
    slowBody.socket.write('POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"mess');
    const [headersResponse] = await slowHeaders.responses(1, 5000);
    expectErrorBody(headersResponse, 408, 'request_timeout');
    const [bodyResponse] = await slowBody.responses(1, 5000);
    expectErrorBody(bodyResponse, 408, 'request_timeout');
    await Promise.all([slowHeaders.closed, slowBody.closed]);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const { port } = await start(env);
    const connection = await open(port);
    connection.socket.write(get('/healthz'));
    expect((await connection.responses(1))[0].status).toBe(200);
    const idleSince = Date.now();
    await connection.closed;
    expect(Date.now() - idleSince).toBeLessThan(3000);
  });

  it('refuses connections over the cap with 429 and the error body; the others keep working', async () => {
    const { port, lines } = await start(env);
    const held = await Promise.all(Array.from({ length: 4 }, () => open(port)));
    const extra = await open(port);
    const [refused] = await extra.responses(1);
    expectErrorBody(refused, 429, 'too_many_connections');
    expect(await extra.closed).toBe('end');
    held[0].socket.write(get('/healthz'));
    expect((await held[0].responses(1))[0].status).toBe(200);
    expect(lines.some((line) => line.includes('"event":"connection_refused"'))).toBe(true);
    for (const connection of held) connection.socket.destroy();
    // Once they close, the client may connect again.
    await Promise.all(held.map((connection) => connection.closed));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = await open(port);
    again.socket.write(get('/healthz'));
    expect((await again.responses(1))[0].status).toBe(200);
    again.socket.destroy();
  });
});

describe("what Node's parser and the adapter reject carries the error body too (item 10)", () => {
  it('a malformed request line, oversized headers, and a missing Host header', async () => {
    const { port } = await start();
    const cases: Array<[string, number]> = [
      ['NOT HTTP AT ALL\r\n\r\n', 400],
      [`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: ${'p'.repeat(20_000)}\r\n\r\n`, 431],
      ['GET /healthz HTTP/1.1\r\n\r\n', 400],
      ['POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n', 400],
      ['POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: teapot\r\nContent-Length: 2\r\n\r\n{}', 417],
    ];
    for (const [request, status] of cases) {
      const connection = await open(port);
      connection.socket.write(request);
      const [response] = await connection.responses(1);
      expectErrorBody(response, status);
      expect(response.headers['cache-control']).toBe('no-store');
      await connection.closed;
    }
  });

  it('a client that hangs up mid-upload is logged as a client abort, not as our error', async () => {
    const { port, lines } = await start();
    const body = chatBody('How long does a full order of protection last in Missouri?');
    const connection = await open(port);
    connection.socket.write(`POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 20)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    connection.socket.destroy();
    const started = Date.now();
    while (!lines.some((line) => line.includes('"event":"request"')) && Date.now() - started < 5000) await new Promise((resolve) => setTimeout(resolve, 20));
    const events = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events.some((event) => event.event === 'client_aborted')).toBe(true);
    expect(events.some((event) => event.event === 'unhandled_error')).toBe(false);
    expect(events.filter((event) => event.event === 'request').map((event) => event.status)).toEqual([499]);
  });
});

describe('clients behind trusted proxies (item 8)', () => {
  const lookup = (forwardedFor: string) => get('/api/search?q=order&mode=instant', `X-Forwarded-For: ${forwardedFor}\r\n`);

  it('with LUMEN_TRUSTED_PROXIES, each forwarded client has its own budget', async () => {
    const { port } = await start({ LUMEN_TRUSTED_PROXIES: '127.0.0.1', LUMEN_LOOKUP_RATE_LIMIT_PER_MINUTE: '1' });
    const connection = await open(port);
    connection.socket.write(lookup('198.51.100.7, 203.0.113.1') + lookup('203.0.113.1') + lookup('203.0.113.2'));
    const statuses = (await connection.responses(3)).map((response) => response.status);
    expect(statuses).toEqual([200, 429, 200]);
    connection.socket.destroy();
  });

  it('without it, X-Forwarded-For is ignored and the socket address is the client', async () => {
    const { port } = await start({ LUMEN_LOOKUP_RATE_LIMIT_PER_MINUTE: '1' });
    const connection = await open(port);
    connection.socket.write(lookup('203.0.113.1') + lookup('203.0.113.2'));
    expect((await connection.responses(2)).map((response) => response.status)).toEqual([200, 429]);
    connection.socket.destroy();
  });
});

describe('caching and the headers browsers may read (item 9)', () => {
  it('marks API and health responses no-store and exposes the rate-limit headers', async () => {
    const { port } = await start({ LUMEN_LOOKUP_RATE_LIMIT_PER_MINUTE: '100', LUMEN_RATE_LIMIT_PER_MINUTE: '100' });
    const connection = await open(port);
    const origin = 'Origin: https://shelter.example\r\n';
    connection.socket.write(get('/api/search?q=order&mode=instant', origin) + get('/healthz') + get('/api/sections/nope', origin) + post(chatBody('What is an order of protection?'), origin));
    const responses = await connection.responses(4, 30_000);
    expect(responses.map((response) => response.status)).toEqual([200, 200, 404, 200]);
    for (const response of responses) expect(response.headers['cache-control']).toBe('no-store');
    const exposed = (responses[0].headers['access-control-expose-headers'] ?? '').split(',').map((name) => name.trim().toLowerCase());
    for (const name of ['retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']) expect(exposed).toContain(name);
    connection.socket.destroy();
  });
});

describe('API answers leave the Node adapter in one write', () => {
  // @hono/node-server writes a response whose body it still holds as a string (its "cache") in one call. A response
  // that middleware rebuilt around a stream body is read chunk by chunk, with a timer turn to see the end: about two
  // milliseconds on every chat. Hono's own CORS middleware did that to every /api/* answer (server/middleware/cors.ts),
  // and Hono's bodyLimit, by looking at the body stream, made the adapter read the chat's JSON through one.
  const keepsBody = (response: Response) => Object.getOwnPropertySymbols(response).some((symbol) => symbol.description === 'cache');

  it('chat, search, sections and errors keep their body as the route made it, CORS headers included', async () => {
    const runtime = await createTestRuntimeWith({ LUMEN_CORS_ORIGINS: 'https://shelter.example' });
    const logger = createLogger({ mode: 'silent' });
    const app = createApp(runtime, { logger });
    const seen: Response[] = [];
    const requests: Request[] = [];
    const fetchThrough = app.fetch.bind(app);
    app.fetch = async (...args: Parameters<typeof app.fetch>) => {
      // In the order they arrive (they may finish in another).
      requests.push(args[0]);
      const response = await fetchThrough(...args);
      seen.push(response);
      return response;
    };
    const server = createHttpServer({ app, config: runtime.config, logger });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const connection = await open(port);
    const origin = 'Origin: https://shelter.example\r\n';
    connection.socket.write(
      post(chatBody('What is an order of protection?'), origin) + get('/api/search?q=order&mode=instant', origin) + get('/api/sections/nope', origin) + post('{', origin),
    );
    const responses = await connection.responses(4, 30_000);
    expect(responses.map((response) => response.status)).toEqual([200, 200, 404, 400]);
    for (const response of responses) {
      expect(response.headers['access-control-allow-origin']).toBe('https://shelter.example');
      expect(response.headers.vary).toContain('Origin');
    }
    expect(JSON.parse(responses[0].body).status).toBe('answered');
    expect(seen.map(keepsBody)).toEqual([true, true, true, true]);
    // And the chat's JSON was read straight off the socket: nothing built a web Request with a body stream for it.
    const builtWebRequest = (request: Request) => Object.getOwnPropertySymbols(request).some((symbol) => symbol.description === 'requestCache');
    expect(builtWebRequest(requests[0])).toBe(false);
    connection.socket.destroy();
  });
});
