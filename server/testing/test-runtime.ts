import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { buildIndex, staleReason } from '../../ingest/build.js';
import { PROJECT_ROOT } from '../../ingest/config.js';
import { createApp } from '../app.js';
import { parseServerConfig, type ServerConfig } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import { createRuntime, type Runtime } from '../runtime.js';

/** Where tests keep their own index (never the developer's data/), reused across test files and runs. */
export const TEST_DATA_DIR = join(PROJECT_ROOT, '.tmp', 'test-data');

let shared: Promise<Runtime> | undefined;

/** Builds the test index from the real corpus if it is missing or stale, seeding embeddings from data/cache. */
export async function ensureTestIndex(env: Record<string, string | undefined> = {}): Promise<ServerConfig> {
  const config = parseServerConfig({ LUMEN_DATA_DIR: TEST_DATA_DIR, LUMEN_LOG: 'silent', LUMEN_WATCH_INDEX: 'false', LUMEN_RATE_LIMIT_PER_MINUTE: '0', LUMEN_LOOKUP_RATE_LIMIT_PER_MINUTE: '0', ...env });
  if (staleReason(config.ingest)) {
    const devCache = join(PROJECT_ROOT, 'data', 'cache');
    const testCache = join(TEST_DATA_DIR, 'cache');
    if (existsSync(devCache) && !existsSync(testCache)) {
      mkdirSync(TEST_DATA_DIR, { recursive: true });
      cpSync(devCache, testCache, { recursive: true });
    }
    await buildIndex({ config: config.ingest });
  }
  return config;
}

/** The real runtime (real index, real encoder) shared by the tests of one file. */
export function getTestRuntime(): Promise<Runtime> {
  shared ??= ensureTestIndex().then((config) => createRuntime({ config }));
  return shared;
}

/** A fresh runtime with config overrides (LLM mode, limits), on the shared test index. */
export async function createTestRuntimeWith(env: Record<string, string | undefined>): Promise<Runtime> {
  const base = await getTestRuntime();
  const config = await ensureTestIndex(env);
  return { ...base, config, snapshot: base.snapshot };
}

/** The real app on the real index, for app.request() tests and browser tests. */
export async function createTestApp(options: { logger?: Logger; runtime?: Runtime } = {}): Promise<Hono> {
  const runtime = options.runtime ?? (await getTestRuntime());
  return createApp(runtime, { logger: options.logger ?? createLogger({ mode: 'silent' }) });
}
