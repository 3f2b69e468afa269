/** How chats on the live index went lately, for /healthz: an index that loads but cannot answer must not look healthy. */
export interface ChatHealth {
  /** Records one chat that reached the answer path: `failed` when it ended in a server error. */
  record(outcome: { buildId: string; failed: boolean }): void;
  /** The recent chats on this build and whether they fail too often to call the service healthy. */
  status(buildId: string): { degraded: boolean; recent: number; failed: number };
}

export interface ChatHealthOptions {
  /** How many of the latest chats are looked at. */
  window?: number;
  /** Fewer chats than this say nothing either way. */
  minSamples?: number;
  /** Degraded when at least this share of the window failed. */
  failureRatio?: number;
  /** Outcomes older than this are forgotten, so an instance taken out of rotation comes back to be tried again. */
  maxAgeMs?: number;
  now?: () => number;
}

export const CHAT_HEALTH_DEFAULTS = { window: 20, minSamples: 5, failureRatio: 0.5, maxAgeMs: 120_000 } as const;

/**
 * A ring of the latest chat outcomes. Only outcomes on the build being asked about count, so a new
 * index starts with a clean record and a bad one is judged by its own answers.
 */
export function createChatHealth(options: ChatHealthOptions = {}): ChatHealth {
  const window = options.window ?? CHAT_HEALTH_DEFAULTS.window;
  const minSamples = options.minSamples ?? CHAT_HEALTH_DEFAULTS.minSamples;
  const failureRatio = options.failureRatio ?? CHAT_HEALTH_DEFAULTS.failureRatio;
  const maxAgeMs = options.maxAgeMs ?? CHAT_HEALTH_DEFAULTS.maxAgeMs;
  const now = options.now ?? Date.now;
  const outcomes: Array<{ buildId: string; failed: boolean; at: number }> = [];
  return {
    record({ buildId, failed }) {
      outcomes.push({ buildId, failed, at: now() });
      if (outcomes.length > window) outcomes.splice(0, outcomes.length - window);
    },
    status(buildId) {
      const since = now() - maxAgeMs;
      const relevant = outcomes.filter((outcome) => outcome.buildId === buildId && outcome.at >= since);
      const failed = relevant.filter((outcome) => outcome.failed).length;
      return { degraded: relevant.length >= minSamples && failed / relevant.length >= failureRatio, recent: relevant.length, failed };
    },
  };
}
