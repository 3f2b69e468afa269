import autocannon, { type Request } from 'autocannon';
import type { BenchConversation } from './questions.js';

export type LoadTarget = 'chat' | 'chat-uncached' | 'search-instant';

export interface LoadRun {
  target: LoadTarget;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  total: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

function requestsFor(target: LoadTarget, conversations: BenchConversation[], lookups: string[]): Request[] {
  if (target === 'search-instant') return lookups.map((q) => ({ method: 'GET', path: `/api/search?${new URLSearchParams({ q, mode: 'instant' })}` }));
  if (target === 'chat-uncached') {
    // A random id in every question: each request misses the query-embedding cache, the worst case.
    const body = JSON.stringify({ messages: [{ role: 'user', content: 'How long does an order of protection last for case [<id>]?' }] });
    return [{ method: 'POST', path: '/api/chat', headers: JSON_HEADERS, body }];
  }
  return conversations.map((messages) => ({ method: 'POST', path: '/api/chat', headers: JSON_HEADERS, body: JSON.stringify({ messages }) }));
}

/** One bounded autocannon run on loopback; each connection starts at a different question so the mix varies. */
export async function runLoad(options: { url: string; target: LoadTarget; connections: number; seconds: number; conversations: BenchConversation[]; lookups: string[] }): Promise<LoadRun> {
  const requests = requestsFor(options.target, options.conversations, options.lookups);
  let clients = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    idReplacement: options.target === 'chat-uncached',
    requests,
    setupClient: (client) => {
      const offset = (clients++ * 7) % requests.length;
      client.setRequests([...requests.slice(offset), ...requests.slice(0, offset)]);
    },
  });
  return {
    target: options.target,
    connections: options.connections,
    seconds: options.seconds,
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}
