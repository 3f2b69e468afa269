import { LIMITS } from '../../server/contract.js';
import { conversationQuery } from '../../server/retrieve/conversation-query.js';
import { embeddingKey } from '../../server/retrieve/query-embedding-cache.js';
import type { BenchConversation } from './questions.js';
import { percentiles, timed, type Percentiles } from './stats.js';

/** What the latency runs read of a response; app.request's Response is one, the HTTP client's lighter reply another. */
export interface SentResponse {
  status: number;
  headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBufferLike>;
}

/** Sends one request: app.request in-process, or the HTTP client against a real server. */
export type Send = (path: string, init?: RequestInit) => Promise<SentResponse>;

export interface LatencyResult {
  /** Embedding the query text alone with the configured encoder: the floor for a chat answer. */
  floor?: Percentiles;
  /**
   * The floor as the answering process measured it: its encoder time in each cold chat whose encoder call held one
   * text (the question alone), from the Server-Timing header. Two processes measured minutes apart differ by more
   * than the margin being judged (their encoders ran 15-22 ms a query on one machine within an hour).
   */
  serverFloor?: Percentiles;
  chatCold: Percentiles;
  chatWarm: Percentiles;
  searchHybridCold: Percentiles;
  searchInstant: Percentiles;
  /** Responses that were not 200; the benchmark must see none. */
  failures: number;
}

export interface LatencyOptions {
  send: Send;
  conversations: BenchConversation[];
  lookups: string[];
  passes: number;
  /** Empties the query-embedding LRU (a fresh snapshot), so "cold" timings include embedding. */
  resetCache: () => Promise<void>;
  /** Embeds a text directly with the encoder, bypassing every cache; only in-process. */
  embed?: (text: string) => Promise<unknown>;
}

/** The text chat embeds for a conversation, keyed as the query-embedding cache keys it. */
export function embeddedText(conversation: BenchConversation): string {
  const query = conversationQuery(conversation);
  const text = query.context ? `${query.context} ${query.latest}` : query.latest;
  return embeddingKey(text);
}

/**
 * Times chat (cold, then warm cache), hybrid search (cold) and instant search over every question, for
 * several passes. The floor is measured right before each cold chat so both see the same machine state.
 */
export async function benchLatency(options: LatencyOptions): Promise<LatencyResult> {
  const samples = { floor: [] as number[], serverFloor: [] as number[], chatCold: [] as number[], chatWarm: [] as number[], searchHybridCold: [] as number[], searchInstant: [] as number[] };
  let failures = 0;
  const measure = async (list: number[], path: string, init?: RequestInit) => {
    const { ms, value: response } = await timed(async () => {
      const response = await options.send(path, init);
      await response.arrayBuffer();
      return response;
    });
    if (response.status !== 200) failures += 1;
    list.push(ms);
    return response;
  };
  const chat = (conversation: BenchConversation): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ messages: conversation }) });

  for (let pass = 0; pass < options.passes; pass++) {
    await options.resetCache();
    for (const conversation of options.conversations) {
      if (options.embed) samples.floor.push((await timed(() => options.embed!(embeddedText(conversation)))).ms);
      const encoder = serverTiming(await measure(samples.chatCold, '/api/chat', chat(conversation)), 'encoder');
      if (encoder?.description === '1 text') samples.serverFloor.push(encoder.milliseconds);
    }
    for (const conversation of options.conversations) await measure(samples.chatWarm, '/api/chat', chat(conversation));
    await options.resetCache();
    for (const conversation of options.conversations) {
      const q = conversation[conversation.length - 1].content.slice(0, LIMITS.maxQueryChars);
      await measure(samples.searchHybridCold, `/api/search?${new URLSearchParams({ q })}`);
    }
    for (const lookup of options.lookups) await measure(samples.searchInstant, `/api/search?${new URLSearchParams({ q: lookup, mode: 'instant' })}`);
  }
  return {
    floor: options.embed ? percentiles(samples.floor) : undefined,
    serverFloor: samples.serverFloor.length > 0 ? percentiles(samples.serverFloor) : undefined,
    chatCold: percentiles(samples.chatCold),
    chatWarm: percentiles(samples.chatWarm),
    searchHybridCold: percentiles(samples.searchHybridCold),
    searchInstant: percentiles(samples.searchInstant),
    failures,
  };
}

/** One metric of a response's Server-Timing header (`name;desc="...";dur=12.3, ...`), if it is there. */
export function serverTiming(response: SentResponse, metric: string): { milliseconds: number; description?: string } | undefined {
  for (const part of (response.headers.get('server-timing') ?? '').split(',')) {
    const [name, ...params] = part.trim().split(';').map((piece) => piece.trim());
    if (name !== metric) continue;
    const value = (key: string) => params.find((param) => param.startsWith(`${key}=`))?.slice(key.length + 1);
    const milliseconds = Number(value('dur'));
    if (!Number.isFinite(milliseconds) || value('dur') === undefined) return undefined;
    return { milliseconds, description: value('desc')?.replace(/^"|"$/g, '') };
  }
  return undefined;
}
