import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** The key used when there is no socket, as in app.request() tests: every such request is one client. */
export const LOCAL_CLIENT_KEY = 'local';

/**
 * Who is asking, for rate limiting: the socket's remote address. Forwarded-for headers are ignored on
 * purpose, since any client can forge them; behind a proxy, pass a keyOf that trusts only that proxy.
 */
export function clientKey(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? LOCAL_CLIENT_KEY;
  } catch {
    // No Node bindings (app.request, another runtime): there is no socket to read.
    return LOCAL_CLIENT_KEY;
  }
}
