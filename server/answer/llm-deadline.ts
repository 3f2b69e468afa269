/** Raised when an external call runs past its deadline. */
export class DeadlineError extends Error {
  constructor(timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms`);
    this.name = 'DeadlineError';
  }
}

/**
 * Runs a task with a signal that aborts after `timeoutMs` (or when `signal` aborts) and settles by then
 * even if the task ignores its signal: a server that trickles bytes must not hold a request open.
 */
export async function withDeadline<T>(task: (signal: AbortSignal) => Promise<T>, options: { timeoutMs: number; signal?: AbortSignal }): Promise<T> {
  const controller = new AbortController();
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  const parent = options.signal;
  const onParentAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) controller.abort(parent.reason);
  else parent?.addEventListener('abort', onParentAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new DeadlineError(options.timeoutMs)), options.timeoutMs);
  try {
    return await Promise.race([task(controller.signal), aborted]);
  } finally {
    clearTimeout(timer);
    parent?.removeEventListener('abort', onParentAbort);
  }
}

/** Whether an error means the other side was too slow (our deadline or the client library's own timeout). */
export function isTimeoutError(error: unknown): boolean {
  if (error instanceof DeadlineError) return true;
  const name = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /time(d)?\s?out|timeout/i.test(name);
}
