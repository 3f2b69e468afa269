import { createServer, STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import type { ServerConfig } from './config.js';
import type { Logger } from './logger.js';

/** How long a socket we are closing keeps reading (and discarding) what the client still sends, so it gets our answer, not a reset. */
export const LINGER_MS = 1000;
const lingerFlag = Symbol('lumenLinger');

/**
 * The Node HTTP server around the app, with the limits a public server needs: request, header and
 * keep-alive timeouts, a cap on connections per client address, the standard error body on what
 * Node's parser and the adapter reject, and a gentle close after an early error with an unread body.
 */
export function createHttpServer(options: { app: Hono; config: ServerConfig; logger: Logger }): Server {
  const { app, config, logger } = options;
  const limits = config.http;
  // No default hostname: a request without a Host header fails in the adapter, which answers it in our error shape.
  const listener = getRequestListener(app.fetch, {
    errorHandler: () => errorResponse(400, 'bad_request', 'The request could not be read: it needs a Host header and a valid target URL.'),
  });
  const server = createServer(
    {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // Node checks the two timeouts above on this interval (30 s by default), so it bounds how late they fire.
      connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
      // Node would answer a missing Host with an empty 400; the adapter answers it with a body instead.
      requireHostHeader: false,
    },
    listener,
  );

  const trusted = new Set(config.trustedProxies);
  const openByClient = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    lingerOnClose(socket);
    const address = socket.remoteAddress ?? '';
    const cap = limits.maxConnectionsPerClient;
    if (cap <= 0 || trusted.has(address)) return;
    const open = (openByClient.get(address) ?? 0) + 1;
    openByClient.set(address, open);
    socket.once('close', () => {
      const left = (openByClient.get(address) ?? 1) - 1;
      if (left <= 0) openByClient.delete(address);
      else openByClient.set(address, left);
    });
    if (open > cap) {
      logger.info({ event: 'connection_refused', why: 'too_many_connections', open, cap });
      closeWith(socket, 429, 'too_many_connections', `Too many open connections from your address (at most ${cap}). Close some and try again. If you are in danger, call 911.`, { 'Retry-After': '1' });
    }
  });

  // What Node's HTTP parser rejects (bad syntax, huge headers, timeouts) never reaches the app; answer it in the same shape.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket & { [lingerFlag]?: boolean }) => {
    // Bytes that arrive after we answered are fed to the failed parser again; it was answered once.
    if (socket[lingerFlag]) return;
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const [status, code, message] = describeClientError(error.code);
    logger.info({ event: 'client_error', status, errorCode: error.code });
    closeWith(socket, status, code, message);
  });

  // Node answers an Expect header it does not know with a bare 417; give it the error body too.
  server.on('checkExpectation', (_request: IncomingMessage, response: import('node:http').ServerResponse) => {
    const body = JSON.stringify({ error: { code: 'expectation_failed', message: 'Only "Expect: 100-continue" is supported; send the request without that Expect header.' } });
    response.writeHead(417, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', Connection: 'close' });
    response.end(body);
  });

  return server;
}

function describeClientError(code: string | undefined): [number, string, string] {
  switch (code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'request_timeout', 'The request took too long to arrive. Send it again.'];
    case 'HPE_HEADER_OVERFLOW':
      return [431, 'headers_too_large', 'The request headers are too large. Send fewer or shorter headers.'];
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return [413, 'body_too_large', 'The chunk extensions of the request body are too large.'];
    default:
      return [400, 'bad_request', 'The request is not valid HTTP/1.1. Check the request line, the headers and the body framing.'];
  }
}

function errorResponse(status: number, code: string, message: string): Response {
  return new Response(JSON.stringify({ error: { code, message } }), { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', Connection: 'close' } });
}

/** Writes a whole error response straight to a socket no request handler owns, then closes it gently. */
function closeWith(socket: Socket, status: number, code: string, message: string, extra: Record<string, string> = {}): void {
  const body = JSON.stringify({ error: { code, message } });
  const headers = { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': 'no-store', Connection: 'close', ...extra };
  const head = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
  socket.write(head + body);
  socket.destroySoon();
}

/**
 * Closing a socket while the client is still sending makes the kernel answer with a reset, which can
 * destroy our response before the client reads it. So, once Node decides to close a connection, we
 * send our side's FIN and keep reading for up to LINGER_MS (or until the client closes), like a
 * web server's lingering close.
 */
function lingerOnClose(socket: Socket & { [lingerFlag]?: boolean }): void {
  socket.destroySoon = function lingeringDestroySoon() {
    if (socket[lingerFlag] || socket.destroyed) return;
    socket[lingerFlag] = true;
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
    socket.once('end', () => socket.destroy());
    if (socket.writable) socket.end();
    // If nothing is consuming the socket (a parser is detached after an error), discard what arrives.
    if (socket.listenerCount('data') === 0) socket.on('data', () => {});
    socket.resume();
  };
}

/** True when a request's body has not fully arrived: answering it and keeping the connection would misread the rest as the next request. */
export function bodyUnread(incoming: IncomingMessage | undefined): boolean {
  return incoming !== undefined && !incoming.complete;
}
