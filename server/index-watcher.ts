import { realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { currentLink } from '../ingest/index-store.js';
import { checkSnapshot } from './index-check.js';
import type { Logger } from './logger.js';
import { loadSnapshot, type IndexSnapshot, type Runtime } from './runtime.js';

export interface IndexWatcher {
  /** Loads and checks the build that `current` names if it is new (or always, with force); true when it was swapped in. */
  reload(options: { reason: string; force?: boolean }): Promise<boolean>;
  /** Starts polling the `current` link; the timer never keeps the process alive. */
  start(): void;
  stop(): void;
}

export interface IndexWatcherOptions {
  runtime: Runtime;
  logger: Logger;
  /** How often to look at the link; a realpath every few seconds costs nothing. */
  intervalMs?: number;
  /** Builds a snapshot from a build folder; loadSnapshot unless a test replaces it. */
  load?: (directory: string) => IndexSnapshot;
  /** Asks a loaded snapshot a few questions before it goes live; throws when it cannot answer. checkSnapshot unless replaced. */
  check?: (snapshot: IndexSnapshot) => Promise<void>;
}

/**
 * Picks up a new index without a restart: `npm run ingest` swaps the `current` link, and this swaps
 * `runtime.snapshot` whole. Requests in flight keep the snapshot they started with. A build that does
 * not load (partial, corrupt, parts that do not fit, other embedder) or that loads but fails the
 * probe questions of checkSnapshot is refused, and the live one stays.
 */
export function createIndexWatcher(options: IndexWatcherOptions): IndexWatcher {
  const { runtime, logger } = options;
  const link = currentLink(runtime.config.ingest.dataDir);
  const load = options.load ?? ((directory: string) => loadSnapshot({ config: runtime.config, embedder: runtime.embedder, directory }));
  const check = options.check ?? ((snapshot: IndexSnapshot) => checkSnapshot(runtime, snapshot));
  // One reload at a time: a SIGHUP during a poll waits for it rather than loading the same build twice.
  let queue: Promise<unknown> = Promise.resolve();
  // Remembered so a bad build is reported once, not on every poll; SIGHUP (force) tries it again.
  let refused: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let polling = false;

  const reloadTarget = async (target: string | undefined, reason: string, force: boolean): Promise<boolean> => {
    const live = runtime.snapshot;
    if (!target) {
      if (refused !== link || force) logger.error({ event: 'index_reload_refused', reason, why: `${link} is missing or points nowhere`, keptBuildId: live.manifest.buildId });
      refused = link;
      return false;
    }
    if (!force && (target === live.directory || target === refused)) return false;
    const started = performance.now();
    try {
      const snapshot = load(target);
      await check(snapshot);
      runtime.snapshot = snapshot;
      refused = undefined;
      logger.info({
        event: 'index_reloaded',
        reason,
        buildId: snapshot.manifest.buildId,
        previousBuildId: live.manifest.buildId,
        ms: Math.round(performance.now() - started),
      });
      return true;
    } catch (error) {
      refused = target;
      logger.error({ event: 'index_reload_refused', reason, directory: target, why: (error as Error).message.slice(0, 300), keptBuildId: live.manifest.buildId });
      return false;
    }
  };

  const poll = async () => {
    if (polling) return;
    polling = true;
    try {
      const target = await realpath(link).catch(() => undefined);
      await serialized(() => reloadTarget(target, 'current link changed', false));
    } finally {
      polling = false;
    }
  };

  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    reload: ({ reason, force = false }) => serialized(() => reloadTarget(resolveLink(link), reason, force)),
    start() {
      timer ??= setInterval(() => void poll(), options.intervalMs ?? 2000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

function resolveLink(link: string): string | undefined {
  try {
    return realpathSync(link);
  } catch {
    return undefined;
  }
}
