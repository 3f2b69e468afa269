import { chatResponseSchema, LIMITS, searchResponseSchema, type ChatMessage } from '../../server/contract.js';
import type { EvalTarget } from './eval-target.js';

const TIMEOUT_MS = 30_000;
const MAX_RETRIES = 3;

/** Fetches with a timeout, waiting out 429 responses (Retry-After) a few times before giving up. */
async function fetchWithRetry(url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (response.status !== 429 || attempt >= MAX_RETRIES) return response;
    const waitSeconds = Math.min(30, Number(response.headers.get('retry-after')) || 5);
    await new Promise((resolve) => setTimeout(resolve, waitSeconds * 1000));
  }
}

/** The search query for a conversation over HTTP: the user turns joined, trimmed to the endpoint's limit. */
export function searchQueryFor(messages: ChatMessage[]): string {
  const text = messages.filter((message) => message.role === 'user').map((message) => message.content).join(' ');
  return text.length <= LIMITS.maxQueryChars ? text : text.slice(text.length - LIMITS.maxQueryChars).replace(/^\S*\s/, '');
}

/**
 * Talks to a running server: POST /api/chat for answers, GET /api/search for rankings. The server
 * should run with LUMEN_RATE_LIMIT_PER_MINUTE=0 and LUMEN_LOOKUP_RATE_LIMIT_PER_MINUTE=0, or a full run will spend its time waiting on 429s.
 */
export function createHttpTarget(baseUrl: string): EvalTarget {
  const base = baseUrl.replace(/\/+$/, '');
  let searchMissing = false;
  return {
    name: base,
    async indexBuildId() {
      try {
        const response = await fetchWithRetry(`${base}/healthz`, {});
        const body = (await response.json()) as { index?: { buildId?: unknown } };
        return typeof body.index?.buildId === 'string' ? body.index.buildId : null;
      } catch {
        return null;
      }
    },
    async ask({ messages, mode }) {
      const response = await fetchWithRetry(`${base}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ messages, retrievalMode: mode }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`POST /api/chat answered ${response.status}: ${text.slice(0, 200)}`);
      const parsed = chatResponseSchema.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(`POST /api/chat broke the contract: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      return parsed.data;
    },
    async rank({ messages, mode, limit }) {
      if (searchMissing) return null;
      const query = new URLSearchParams({ q: searchQueryFor(messages), mode, limit: String(limit) });
      const response = await fetchWithRetry(`${base}/api/search?${query}`, {});
      if (response.status === 404) {
        searchMissing = true;
        return null;
      }
      if (!response.ok) throw new Error(`GET /api/search answered ${response.status}`);
      const parsed = searchResponseSchema.safeParse(await response.json());
      if (!parsed.success) throw new Error('GET /api/search broke the contract');
      return parsed.data.results.map((result) => result.sectionId);
    },
  };
}
