import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { splitSentences } from '../../ingest/text.js';

/** How the fake answers POST /v1/chat/completions. */
export type ChatBehaviour =
  | 'good' // quotes the first sentence of passage [1] and cites [1]
  | 'good-multi' // quotes the last passage, then passage [1]: exercises renumbering
  | 'bad-citation' // cites [99]
  | 'unsupported' // a claim no passage makes, cited [1]
  | 'wrong-number' // quotes passage [1] but adds a number it does not hold
  | 'no-citations'
  | 'empty'
  | 'garbage' // an HTML page with status 200
  | 'malformed' // JSON without choices
  | 'error' // 500
  | 'slow' // answers well, but only after `slowMs`
  | 'trickle' // sends headers at once, then one byte now and then, never finishing
  | { reply: string | ((prompt: FakePrompt) => string) };

/** How the fake answers POST /v1/embeddings. */
export type EmbeddingsBehaviour = 'hash' | 'error' | 'slow' | 'trickle';

/** What the fake read from a chat request: the passages `[n] (locator) text` and the whole user message. */
export interface FakePrompt {
  system: string;
  user: string;
  passages: Array<{ n: number; locator: string; text: string }>;
}

export interface FakeOpenAi {
  /** Base address, e.g. http://127.0.0.1:40123; the API lives under /v1. */
  url: string;
  chat: ChatBehaviour;
  embeddings: EmbeddingsBehaviour;
  dimensions: number;
  slowMs: number;
  counts: { chat: number; embeddings: number; embeddedTexts: number };
  lastPrompt?: FakePrompt;
  /** The last chat request body exactly as it arrived: what left the server under test. */
  lastBody?: string;
  close(): Promise<void>;
}

/** Starts a local OpenAI-compatible server on 127.0.0.1 with an ephemeral port; behaviour is changed per test. */
export async function startFakeOpenAi(options: Partial<Pick<FakeOpenAi, 'chat' | 'embeddings' | 'dimensions' | 'slowMs'>> = {}): Promise<FakeOpenAi> {
  const pending = new Set<() => void>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        pending.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      pending.add(done);
    });
  const app = new Hono();
  const fake: FakeOpenAi = {
    url: '',
    chat: options.chat ?? 'good',
    embeddings: options.embeddings ?? 'hash',
    dimensions: options.dimensions ?? 64,
    slowMs: options.slowMs ?? 5_000,
    counts: { chat: 0, embeddings: 0, embeddedTexts: 0 },
    close: async () => {},
  };

  app.post('/v1/chat/completions', async (c) => {
    fake.counts.chat++;
    fake.lastBody = await c.req.text();
    const body = JSON.parse(fake.lastBody) as { model?: string; messages?: Array<{ role: string; content: unknown }> };
    const prompt = parsePrompt(body.messages ?? []);
    fake.lastPrompt = prompt;
    const behaviour = fake.chat;
    if (behaviour === 'error') return c.json({ error: { message: 'fake failure', type: 'server_error' } }, 500);
    if (behaviour === 'garbage') return c.html('<html><body><h1>502 Bad Gateway</h1></body></html>', 200);
    if (behaviour === 'malformed') return c.json({ id: 'x', object: 'chat.completion', unexpected: true });
    if (behaviour === 'trickle') return trickle(pending);
    if (behaviour === 'slow') await wait(fake.slowMs);
    return c.json(completion(body.model ?? 'fake', reply(behaviour, prompt)));
  });

  app.post('/v1/embeddings', async (c) => {
    fake.counts.embeddings++;
    const body = (await c.req.json()) as { model?: string; input: string | string[]; encoding_format?: string };
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    fake.counts.embeddedTexts += inputs.length;
    if (fake.embeddings === 'error') return c.json({ error: { message: 'fake failure', type: 'server_error' } }, 500);
    if (fake.embeddings === 'trickle') return trickle(pending);
    if (fake.embeddings === 'slow') await wait(fake.slowMs);
    const data = inputs.map((input, index) => {
      const vector = fakeEmbedding(String(input), fake.dimensions);
      // The OpenAI SDK asks for base64 (little-endian float32) unless told otherwise.
      const embedding = body.encoding_format === 'base64' ? Buffer.from(Float32Array.from(vector).buffer).toString('base64') : vector;
      return { object: 'embedding', index, embedding };
    });
    return c.json({ object: 'list', model: body.model ?? 'fake-embed', data, usage: { prompt_tokens: 0, total_tokens: 0 } });
  });

  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started as Server));
  });
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      for (const release of [...pending]) release();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

/** A deterministic unit vector: a hashed bag of words, so texts sharing words point the same way. */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    let hash = 2166136261;
    for (const char of word) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    vector[hash % dimensions] += hash & 0x80000000 ? -1 : 1;
  }
  const norm = Math.hypot(...vector);
  if (norm === 0) vector[0] = 1;
  return norm === 0 ? vector : vector.map((value) => value / norm);
}

function reply(behaviour: ChatBehaviour, prompt: FakePrompt): string {
  const first = prompt.passages[0];
  const last = prompt.passages[prompt.passages.length - 1];
  const quote = (passage: FakePrompt['passages'][number] | undefined) => (passage ? firstSentence(passage.text) : 'Nothing.');
  if (typeof behaviour === 'object') return typeof behaviour.reply === 'function' ? behaviour.reply(prompt) : behaviour.reply;
  switch (behaviour) {
    case 'bad-citation':
      return `${quote(first)} [99]`;
    case 'unsupported':
      return 'You will win custody and he will go to jail. [1]';
    case 'wrong-number':
      return `${quote(first).replace(/[.:;]?$/, '')} within 9137 days. [1]`;
    case 'no-citations':
      return `${quote(first)} You should be fine.`;
    case 'empty':
      return '';
    case 'good-multi':
      return prompt.passages.length > 1 ? `${quote(last)} [${last.n}]\n${quote(first)} [1]` : `${quote(first)} [1]`;
    default:
      return `${quote(first)} [1]`;
  }
}

function firstSentence(text: string): string {
  return splitSentences(text)[0] ?? text;
}

function completion(model: string, content: string) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

/** A 200 whose body never ends: only an overall deadline on the client side gets out of it. */
function trickle(pending: Set<() => void>): Response {
  const encoder = new TextEncoder();
  let interval: NodeJS.Timeout | undefined;
  let release = () => {};
  const stop = () => {
    clearInterval(interval);
    pending.delete(release);
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      send('{"object":"fake",');
      interval = setInterval(() => send(' '), 100);
      release = () => {
        stop();
        try {
          controller.close();
        } catch {
          // Already cancelled by the client.
        }
      };
      pending.add(release);
    },
    cancel: stop,
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
}

/** Reads `[n] (locator) text` lines; the locator may itself hold parentheses, so they are counted. */
function parsePrompt(messages: Array<{ role: string; content: unknown }>): FakePrompt {
  const text = (message: { content: unknown } | undefined) =>
    typeof message?.content === 'string' ? message.content : Array.isArray(message?.content) ? message.content.map((part) => part?.text ?? '').join('') : '';
  const system = text(messages.find((message) => message.role === 'system'));
  const user = text([...messages].reverse().find((message) => message.role === 'user'));
  const passages: FakePrompt['passages'] = [];
  for (const line of user.split('\n')) {
    const head = line.match(/^\[(\d+)\] \(/);
    if (!head) continue;
    let depth = 1;
    let index = head[0].length;
    for (; index < line.length && depth > 0; index++) depth += line[index] === '(' ? 1 : line[index] === ')' ? -1 : 0;
    passages.push({ n: Number(head[1]), locator: line.slice(head[0].length, index - 1), text: line.slice(index).trim() });
  }
  return { system, user, passages };
}
