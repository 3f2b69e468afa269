/** Waits until a child process's collected output holds the pattern, or fails after the deadline showing its tail. */
export async function waitForOutput(read: () => string, pattern: RegExp, deadlineMs: number): Promise<RegExpMatchArray> {
  const started = Date.now();
  for (;;) {
    const match = read().match(pattern);
    if (match) return match;
    if (Date.now() - started > deadlineMs) throw new Error(`timed out waiting for ${pattern}; output so far:\n${read().slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
