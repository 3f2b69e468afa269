import { Hono } from 'hono';
import type { ChatHealth } from '../chat-health.js';
import type { Runtime } from '../runtime.js';

/**
 * GET /healthz: whether the index is loaded, what it was built from, and whether chats on it succeed.
 * `status` is "ok" (200) or "degraded" (503) when too many recent chats on the live index failed with a
 * server error, so a load balancer stops sending people to an instance that cannot answer them.
 */
export function createHealthRoutes(runtime: Runtime, chatHealth?: ChatHealth): Hono {
  const app = new Hono();
  app.get('/', (c) => {
    const { manifest, loadedAt } = runtime.snapshot;
    const chats = chatHealth?.status(manifest.buildId) ?? { degraded: false, recent: 0, failed: 0 };
    return c.json(
      {
        status: chats.degraded ? 'degraded' : 'ok',
        index: {
          loaded: true,
          buildId: manifest.buildId,
          builtAt: manifest.builtAt,
          loadedAt,
          embedder: manifest.embedder,
          counts: manifest.counts,
          documents: manifest.corpus.documents.map(({ id, file, sha256, sections, chunks }) => ({ id, file, sha256, sections, chunks })),
        },
        chat: { recent: chats.recent, failed: chats.failed },
        retrievalMode: runtime.config.retrievalMode,
        llm: runtime.config.llm ? 'configured' : 'off',
      },
      chats.degraded ? 503 : 200,
    );
  });
  return app;
}
