import type { Server } from 'node:http';
import type { Logger } from './logger.js';

/** The parts of a Node HTTP server that shutting down uses. */
export type ClosableServer = Pick<Server, 'close' | 'closeIdleConnections' | 'closeAllConnections'>;

export interface GracefulShutdownOptions {
  server: ClosableServer;
  logger: Logger;
  /** After this long, connections still open are cut and the process exits 1. */
  timeoutMs?: number;
  /** Stops timers and watchers that would otherwise outlive the server. */
  onShutdown?: (signal: string) => void;
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

/** Stops accepting connections, lets requests in flight finish, then exits 0 (1 if they outlast the timeout). */
export function createGracefulShutdown(options: GracefulShutdownOptions): { shutdown(signal: string): void } {
  const { server, logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const timeoutMs = options.timeoutMs ?? 10_000;
  let closing = false;

  const shutdown = (signal: string) => {
    // Orchestrators may repeat the signal; the first one already started the drain, and the timeout bounds it.
    if (closing) return;
    closing = true;
    const started = performance.now();
    logger.info({ event: 'shutdown_started', signal });
    options.onShutdown?.(signal);
    // Keep-alive sockets sit idle between requests and would hold close() open; drop each one once it is idle.
    const sweeper = setInterval(() => server.closeIdleConnections(), 100);
    sweeper.unref();
    const deadline = setTimeout(() => {
      logger.error({ event: 'shutdown_timeout', signal, ms: timeoutMs });
      server.closeAllConnections();
      exit(1);
    }, timeoutMs);
    deadline.unref();
    server.close(() => {
      clearInterval(sweeper);
      clearTimeout(deadline);
      logger.info({ event: 'shutdown_finished', signal, ms: Math.round(performance.now() - started) });
      exit(0);
    });
    server.closeIdleConnections();
  };

  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) process.on(signal, () => shutdown(signal));
  return { shutdown };
}
