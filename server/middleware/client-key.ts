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

/**
 * For a deployment behind a load balancer, where every socket is the balancer's: trusts X-Forwarded-For
 * only when the socket is one of the given proxies, and then takes the address that proxy appended.
 */
export function createForwardedClientKey(options: { trustedProxies: string[] }): (c: Context) => string {
  const trusted = new Set(options.trustedProxies);
  return (c) => {
    const socket = clientKey(c);
    if (!trusted.has(socket)) return socket;
    // The right-most entry is the one our proxy wrote; entries left of it came from the client and can be forged.
    const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
    return forwarded[forwarded.length - 1] ?? socket;
  };
}
