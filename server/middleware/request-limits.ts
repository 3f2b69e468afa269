import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../errors.js';

/** Far above any valid query (q is at most LIMITS.maxQueryChars characters even fully percent-encoded). */
export const MAX_URL_CHARS = 8192;

/** Rejects over-long URLs before anything parses their query string. */
export function limitUrlLength(maxChars: number = MAX_URL_CHARS): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.url.length > maxChars) throw new AppError(414, 'uri_too_long', `The URL is longer than ${maxChars} characters; shorten the query (q is at most a few hundred characters).`);
    return next();
  };
}

/**
 * A POST body must be JSON. Without this the validator sees an empty object and answers
 * "messages: expected array", which hides the real mistake (a missing Content-Type).
 */
export function requireJsonBody(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (!/^application\/([\w.-]+\+)?json$/.test(mediaType)) {
      throw new AppError(415, 'unsupported_media_type', 'Send the body as JSON with the header Content-Type: application/json.');
    }
    return next();
  };
}

/**
 * Caps a request body at `maxBytes`. A declared Content-Length is checked before anything reads the body; only a
 * chunked upload goes through Hono's bodyLimit, which counts while it reads. Hono's middleware looks at the body
 * stream of every request, and the Node adapter then builds a full web Request around the socket for it, so the
 * JSON that follows is read through a ReadableStream instead of the adapter's direct read of the socket.
 */
export function limitBodySize(maxBytes: number, onError: () => never): MiddlewareHandler {
  const whileReading = bodyLimit({ maxSize: maxBytes, onError });
  return async (c, next) => {
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number(declared) > maxBytes) onError();
      return next();
    }
    return whileReading(c, next);
  };
}
