import { Hono } from 'hono';
import type { Runtime } from '../runtime.js';

/** GET /healthz: whether the index is loaded and what it was built from. */
export function createHealthRoutes(runtime: Runtime): Hono {
  const app = new Hono();
  app.get('/', (c) => {
    const { manifest, loadedAt } = runtime.snapshot;
    return c.json({
      status: 'ok',
      index: {
        loaded: true,
        buildId: manifest.buildId,
        builtAt: manifest.builtAt,
        loadedAt,
        embedder: manifest.embedder,
        counts: manifest.counts,
        documents: manifest.corpus.documents.map(({ id, file, sha256, sections, chunks }) => ({ id, file, sha256, sections, chunks })),
      },
      retrievalMode: runtime.config.retrievalMode,
      llm: runtime.config.llm ? 'configured' : 'off',
    });
  });
  return app;
}
