import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/** Which origins may call the API, and what the browser may read. */
export interface CorsOptions {
  origins: string[] | '*';
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  maxAge: number;
}

/**
 * CORS for the API. Preflights (OPTIONS) are answered by Hono's own middleware. Other requests get their
 * headers after the route has answered, on the response it made: Hono's middleware sets them before the route
 * runs, which makes the context build a response early, and the route's JSON then arrives as a copy whose body is
 * a stream. The Node adapter writes a stream chunk by chunk and waits a timer turn for the end, about two
 * milliseconds on every chat; a body kept as a string is written in one call.
 */
export function createCors(options: CorsOptions): MiddlewareHandler {
  const preflight = cors({
    origin: options.origins === '*' ? '*' : options.origins,
    allowMethods: options.allowMethods,
    allowHeaders: options.allowHeaders,
    exposeHeaders: options.exposeHeaders,
    maxAge: options.maxAge,
  });
  const expose = options.exposeHeaders.join(',');
  const allowedOrigin = (origin: string): string | undefined => {
    if (options.origins === '*') return '*';
    return options.origins.includes(origin) ? origin : undefined;
  };
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    const origin = allowedOrigin(c.req.header('origin') ?? '');
    // Reading and setting headers on the finished response keeps its body as it is (see above).
    const headers = c.res.headers;
    if (origin) headers.set('Access-Control-Allow-Origin', origin);
    if (expose) headers.set('Access-Control-Expose-Headers', expose);
    // With a list of origins the answer depends on the Origin header: a shared cache must keep them apart.
    if (options.origins !== '*') headers.append('Vary', 'Origin');
  };
}
