import type { IncomingMessage } from 'node:http';
import { Hono, type Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { LIMITS } from './contract.js';
import { createChatHealth, type ChatHealth } from './chat-health.js';
import { AppError, createErrorHandler } from './errors.js';
import { bodyUnread } from './http-server.js';
import { createLogger, type Logger } from './logger.js';
import { createForwardedClientKey } from './middleware/client-key.js';
import { createCors } from './middleware/cors.js';
import { createRateLimit, createRateLimiter } from './middleware/rate-limit.js';
import type { RateLimitStore } from './middleware/rate-limit-store.js';
import { createRedisRateLimitStore } from './middleware/redis-rate-limit-store.js';
import { limitBodySize, limitUrlLength, requireJsonBody } from './middleware/request-limits.js';
import { createChatRoutes, type UrgencyCheck } from './routes/chat.js';
import { createHealthRoutes } from './routes/health.js';
import { createOpenApiRoutes } from './routes/openapi.js';
import { createSearchRoutes } from './routes/search.js';
import { createSectionRoutes } from './routes/sections.js';
import { createWebRoutes } from './routes/web.js';
import type { Runtime } from './runtime.js';

/** Builds the Hono app over a runtime: middleware, API routes, pages, and one error shape for everything. */
export function createApp(
  runtime: Runtime,
  options: { logger?: Logger; rateLimitStore?: RateLimitStore; rateLimitKey?: (c: Context) => string; chatHealth?: ChatHealth; isUrgent?: UrgencyCheck } = {},
): Hono {
  const logger = options.logger ?? createLogger({ mode: runtime.config.log });
  const chatHealth = options.chatHealth ?? createChatHealth();
  // Behind a load balancer every socket is the balancer's; LUMEN_TRUSTED_PROXIES says whose X-Forwarded-For to believe.
  const rateLimitKey = options.rateLimitKey ?? (runtime.config.trustedProxies.length > 0 ? createForwardedClientKey({ trustedProxies: runtime.config.trustedProxies }) : undefined);
  // LUMEN_REDIS_URL: every replica counts in one Redis, so N instances still give a client one budget.
  const rateLimitStore = options.rateLimitStore ?? (runtime.config.redisUrl ? createRedisRateLimitStore({ url: runtime.config.redisUrl }) : undefined);
  const app = new Hono();
  let requestCounter = 0;
  app.use('*', async (c, next) => {
    const started = performance.now();
    const requestId = `${Date.now().toString(36)}-${(++requestCounter).toString(36)}`;
    c.header('X-Request-Id', requestId);
    await next();
    // Sizes, timings and codes only: what people type is never logged.
    logger.info({
      event: 'request',
      requestId,
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      bytesIn: Number(c.req.header('content-length') ?? 0) || undefined,
    });
    // Answered before the body was read (413, 415, 429, ...): the rest of the body is still on the wire, and a
    // kept-alive connection would read it as the next request. Close it (gently, see http-server.ts).
    if (bodyUnread((c.env as { incoming?: IncomingMessage } | undefined)?.incoming)) setHeader(c, 'Connection', 'close');
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
      crossOriginResourcePolicy: false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  // Answers are about one person's situation and the index can change: no browser or proxy may keep a copy.
  const noStore: Parameters<typeof app.use>[1] = async (c, next) => {
    await next();
    setHeader(c, 'Cache-Control', 'no-store');
  };
  app.use('/api/*', noStore);
  app.use('/healthz', noStore);
  app.use('/openapi.json', noStore);
  const origins = runtime.config.corsOrigins;
  app.use(
    '/api/*',
    createCors({
      origins,
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Accept'],
      // The widget reads these to tell the person when to try again.
      exposeHeaders: ['Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'X-Request-Id'],
      maxAge: 600,
    }),
  );
  // Chats that reach the answer path, judged by how they end: a run of server errors makes /healthz say degraded.
  app.use('/api/chat', async (c, next) => {
    const buildId = runtime.snapshot.manifest.buildId;
    await next();
    if (c.req.method !== 'POST') return;
    // 4xx is the client's doing (bad input, rate limit, abort) and says nothing about the index.
    const status = c.res.status;
    if (status >= 500) chatHealth.record({ buildId, failed: true });
    else if (status < 400) chatHealth.record({ buildId, failed: false });
  });
  // After CORS, so a 429 still carries the headers the widget needs to read it.
  // Chat and lookups have separate budgets: staff typing into /staff send a search per pause, and must not use up chat.
  const limits = (scope: string, limitPerMinute: number) => ({ scope, limitPerMinute, store: rateLimitStore, keyOf: rateLimitKey, logger });
  // Chat counts inside its route, after the content type, size and schema checks: a page elsewhere that posts
  // junk (text/plain needs no preflight) must not spend a visitor's budget.
  const chatLimit = createRateLimiter(limits('chat', runtime.config.rateLimitPerMinute));
  const lookupLimit = createRateLimit(limits('lookup', runtime.config.lookupRateLimitPerMinute));
  app.use('/api/search', lookupLimit);
  app.use('/api/sections/*', lookupLimit);
  app.use('/api/*', limitUrlLength());
  app.use('/api/chat', requireJsonBody());
  app.use(
    '/api/chat',
    limitBodySize(LIMITS.maxBodyBytes, () => {
      throw new AppError(413, 'body_too_large', `The request body is larger than ${LIMITS.maxBodyBytes} bytes; send fewer or shorter messages.`);
    }),
  );
  app.route('/api/chat', createChatRoutes(runtime, logger, { rateLimit: chatLimit, isUrgent: options.isUrgent }));
  app.route('/api/search', createSearchRoutes(runtime, logger));
  app.route('/api/sections', createSectionRoutes(runtime));
  app.route('/healthz', createHealthRoutes(runtime, chatHealth));
  app.route('/openapi.json', createOpenApiRoutes());
  app.route('/', createWebRoutes());
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path.slice(0, 200)}. See /openapi.json for the API.` } }, 404));
  app.onError(createErrorHandler(logger));
  return app;
}

/** Sets a header on the finished response; a response with immutable headers (a proxied fetch) is copied first. */
function setHeader(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.res = new Response(c.res.body, c.res);
    c.res.headers.set(name, value);
  }
}
