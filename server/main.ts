import type { AddressInfo } from 'node:net';
import { ConfigError } from '../ingest/config.js';
import { CorpusError } from '../ingest/corpus.js';
import { buildIndex, staleReason } from '../ingest/build.js';
import { IndexError } from '../ingest/index-store.js';
import { createApp } from './app.js';
import { parseServerConfig, startupWarnings } from './config.js';
import { createHttpServer } from './http-server.js';
import { checkSnapshot, SnapshotCheckError } from './index-check.js';
import { createIndexWatcher } from './index-watcher.js';
import { createLogger } from './logger.js';
import { createRuntime } from './runtime.js';
import { createGracefulShutdown } from './shutdown.js';

/** `npm start`: builds the index if it is missing or stale, checks it answers, then serves on HOST:PORT. */
async function main(): Promise<void> {
  const config = parseServerConfig(process.env);
  const reason = staleReason(config.ingest);
  if (reason) {
    console.log(`Building the index first (${reason})...`);
    const summary = await buildIndex({ config: config.ingest });
    console.log(`Index ${summary.manifest.buildId} ready: ${summary.manifest.counts.sections} sections, ${summary.manifest.counts.chunks} chunks.`);
  }
  const runtime = await createRuntime({ config });
  const logger = createLogger({ mode: config.log });
  try {
    await checkSnapshot(runtime, runtime.snapshot);
  } catch (error) {
    if (error instanceof SnapshotCheckError) throw new IndexError(`The index at ${runtime.snapshot.directory} loads but cannot answer (${error.message}). Run "npm run ingest" to rebuild it.`);
    throw error;
  }
  for (const warning of startupWarnings(config)) logger.error({ event: 'startup_warning', ...warning });
  const app = createApp(runtime, { logger });
  const server = createHttpServer({ app, config, logger });
  server.listen(config.port, config.host, () => {
    const info = server.address() as AddressInfo;
    const host = info.address.includes(':') ? `[${info.address}]` : info.address;
    console.log(`Lumen is listening on http://${host}:${info.port}/ (staff lookup: /staff, API: /openapi.json; pid ${process.pid})`);
  });
  // A new index from `npm run ingest` is picked up on SIGHUP, and by polling the `current` link when enabled.
  const watcher = createIndexWatcher({ runtime, logger });
  if (config.watchIndex) watcher.start();
  process.on('SIGHUP', () => void watcher.reload({ reason: 'SIGHUP', force: true }));
  createGracefulShutdown({
    server,
    logger,
    timeoutMs: config.shutdownTimeoutMs,
    onShutdown: (signal) => {
      console.log(`${signal} received: finishing requests in flight, then exiting.`);
      watcher.stop();
    },
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof IndexError || error instanceof CorpusError) console.error(error.message);
  else console.error('Lumen could not start:', error);
  process.exit(1);
});
