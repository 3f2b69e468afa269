import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from './logger.js';

/** The one error type routes throw: a code clients can branch on, a status, and a message saying what to fix. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Turns any thrown error into `{ error: { code, message } }`; unexpected ones log their cause, never the request text. */
export function createErrorHandler(logger: Logger) {
  return (error: Error, c: Context) => {
    // A client that hung up mid-upload makes reading the body fail; that is not our failure, and nobody is left to answer.
    if (c.req.raw.signal?.aborted) {
      logger.info({ event: 'client_aborted', route: c.req.routePath, method: c.req.method });
      return c.json({ error: { code: 'client_aborted', message: 'The client closed the connection before the request was complete.' } }, 499 as ContentfulStatusCode);
    }
    if (error instanceof AppError) return c.json({ error: { code: error.code, message: error.message } }, error.status);
    if (error instanceof HTTPException) {
      const status = error.status;
      const code = status === 413 ? 'body_too_large' : status === 400 ? 'bad_request' : 'http_error';
      const message = status === 400 && /JSON/i.test(error.message) ? 'The request body is not valid JSON. Send a JSON object such as {"messages":[{"role":"user","content":"..."}]}.' : error.message || 'Request rejected.';
      return c.json({ error: { code, message } }, status as ContentfulStatusCode);
    }
    // An error's message can quote what was typed, so only its name and where it was thrown are logged.
    const at = error.stack?.split('\n').find((line) => line.trim().startsWith('at '))?.trim().slice(0, 200);
    logger.error({ event: 'unhandled_error', route: c.req.routePath, errorName: error.name, at });
    return c.json({ error: { code: 'temporarily_unavailable', message: 'Something went wrong on our side. Please try again; if you are in danger, call 911.' } }, 503);
  };
}
