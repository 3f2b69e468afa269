import type { Logger } from '../logger.js';

/** Logs that hybrid retrieval answered from lexical evidence alone, naming the error but not the question. */
export function retrievalFallbackLogger(logger: Logger, route: string): (error: unknown) => void {
  return (error) => logger.error({ event: 'retrieval_degraded', route, fellBackTo: 'lexical', errorName: error instanceof Error ? error.name : typeof error });
}
