import fc from 'fast-check';
import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, chatResponseSchema, errorBodySchema, searchResponseSchema } from './contract.js';
import { createTestApp } from './testing/test-runtime.js';

// Bounded so the suite ends by itself; each request must answer well inside its own deadline.
const RUNS = 150;
const REQUEST_DEADLINE_MS = 10_000;
const TEST_TIMEOUT_MS = 240_000;

let app: Hono;
beforeAll(async () => {
  app = await createTestApp();
});

/** Status codes seen, so a test can show its inputs reached the core and not only the validator. */
const seen = { ok: 0, clientError: 0 };

/** Sends a request and fails (instead of hanging) if no answer comes within the deadline. */
async function send(path: string, init?: RequestInit): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${REQUEST_DEADLINE_MS} ms for ${init?.method ?? 'GET'} ${path.slice(0, 80)}`)), REQUEST_DEADLINE_MS);
  });
  try {
    return await Promise.race([app.request(path, init), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Never a 5xx; a 4xx always carries the error body; a 200 always matches the contract. */
async function expectWellFormed(response: Response, okSchema: { safeParse(value: unknown): { success: boolean } }): Promise<void> {
  expect(response.status).toBeLessThan(500);
  if (response.status === 200) seen.ok += 1;
  else seen.clientError += 1;
  const text = await response.text();
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack traces
  if (response.headers.get('content-type')?.includes('text/event-stream')) {
    expect(response.status).toBe(200);
    expect(text).toContain('event: done');
    return;
  }
  const body = JSON.parse(text);
  if (response.status === 200) expect(okSchema.safeParse(body).success).toBe(true);
  else expect(errorBodySchema.safeParse(body).success).toBe(true);
}

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const domainWord = fc.constantFrom('order of protection', 'MPO', 'stalking', '§ 455.040', 'commander', 'ex parte', '911', 'hurt me', 'DoDI 6400.06', 'para. 3.5');
/** Text people (or attackers) might send: any Unicode, lone surrogates, control characters, legal terms, sometimes huge. */
const text = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }), weight: 2 },
  { arbitrary: fc.array(fc.oneof(domainWord, loneSurrogate, fc.string({ unit: 'binary', maxLength: 5 }), fc.constantFrom('\u0000', '\u202e', '\ufeff', '\n', '"', '\\')), { maxLength: 40 }).map((parts) => parts.join(' ')), weight: 3 },
  { arbitrary: fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), fc.integer({ min: 100, max: 40_000 })).map(([piece, times]) => piece.repeat(times)), weight: 1 },
);
const message = fc.record({ role: fc.constantFrom('user', 'assistant'), content: text });
const conversation = fc.tuple(fc.array(message, { maxLength: 4 }), text).map(([earlier, latest]) => [...earlier, { role: 'user', content: latest }]);
/** A question the validator must accept (non-empty, under the length limit), so some bodies reach the answering core. */
const plainQuestion = fc.array(domainWord, { minLength: 1, maxLength: 20 }).map((words) => words.join(' '));
const validConversation = fc
  .tuple(fc.array(fc.record({ role: fc.constantFrom('user', 'assistant'), content: plainQuestion }), { maxLength: 3 }), plainQuestion)
  .map(([earlier, latest]) => [...earlier, { role: 'user', content: latest }]);
/**
 * Bodies of every shape: well-formed conversations, odd JSON, wrong types, near and over the limits. Valid
 * conversations carry weight of their own, so how many reach the core does not hang on the random seed.
 */
const chatBody = fc.oneof(
  { arbitrary: validConversation.map((messages) => JSON.stringify({ messages })), weight: 3 },
  conversation.map((messages) => JSON.stringify({ messages })),
  fc.tuple(conversation, fc.boolean(), fc.constantFrom('hybrid', 'lexical', 'vector', 'psychic', 7)).map(([messages, stream, retrievalMode]) => JSON.stringify({ messages, stream, retrievalMode })),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify({ messages: value })),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 30 }).map((messages) => JSON.stringify({ messages })),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.string({ unit: 'binary', maxLength: 500 }),
);

describe('property: /api/chat never answers 5xx and never hangs', () => {
  it(
    'handles random bodies',
    async () => {
      Object.assign(seen, { ok: 0, clientError: 0 });
      await fc.assert(
        fc.asyncProperty(chatBody, fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/event-stream'), async (body, accept) => {
          const response = await send('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: accept }, body });
          await expectWellFormed(response, chatResponseSchema);
        }),
        { numRuns: RUNS },
      );
      // Both the answering core and the validator must have been exercised.
      expect(seen.ok).toBeGreaterThan(RUNS / 10);
      expect(seen.clientError).toBeGreaterThan(RUNS / 10);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'handles the largest valid conversation',
    async () => {
      // ASCII, because 20 messages of 2000 two-byte characters already exceed the body limit (a 413).
      const content = 'how long does an order of protection last? '.repeat(60).slice(0, LIMITS.maxMessageChars);
      const messages = Array.from({ length: LIMITS.maxMessages }, (_, index) => ({ role: index % 2 ? 'user' : 'assistant', content }));
      const response = await send('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ messages }) });
      expect(response.status).toBe(200);
      await expectWellFormed(response, chatResponseSchema);
    },
    TEST_TIMEOUT_MS,
  );
});

const rawQueryPiece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }).map(encodeURIComponent),
  fc.constantFrom('%', '%zz', '%E0%A4%A', '%ED%A0%80', '&&', '=', '+', '%00', 'q=', 'mode=instant', 'limit=-1', 'limit=1e3', 'doc=mo'),
);

describe('property: /api/search never answers 5xx and never hangs', () => {
  it(
    'handles random queries, modes and limits',
    async () => {
      Object.assign(seen, { ok: 0, clientError: 0 });
      await fc.assert(
        fc.asyncProperty(
          // Valid lookups carry weight of their own, so how many reach the search core does not hang on the seed.
          fc.oneof(
            {
              arbitrary: fc.tuple(
                plainQuestion,
                fc.constantFrom('instant', 'hybrid', 'lexical', 'vector'),
                fc.integer({ min: 1, max: LIMITS.maxSearchResults }).map(String),
                fc.constantFrom(undefined, 'mo', 'dodi', 'mpo'),
              ),
              weight: 1,
            },
            {
              arbitrary: fc.tuple(
                fc.oneof(text.map((value) => value.slice(0, 2_000)), loneSurrogate),
                fc.constantFrom('instant', 'hybrid', 'lexical', 'vector', '', 'x'),
                fc.oneof(fc.integer({ min: -5, max: 80 }).map(String), fc.constantFrom('', 'NaN', '1.5', '0x10')),
                fc.constantFrom(undefined, 'mo', 'dodi', 'mpo', 'zz'),
              ),
              weight: 2,
            },
          ),
          async ([q, mode, limit, doc]) => {
            const params = new URLSearchParams({ q, mode, limit });
            if (doc) params.set('doc', doc);
            await expectWellFormed(await send(`/api/search?${params}`), searchResponseSchema);
          },
        ),
        { numRuns: RUNS },
      );
      expect(seen.ok).toBeGreaterThan(RUNS / 10);
      expect(seen.clientError).toBeGreaterThan(RUNS / 10);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'handles malformed query strings and section ids',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(rawQueryPiece, { maxLength: 6 }), async (pieces) => {
          await expectWellFormed(await send(`/api/search?q=${pieces.join('')}&${pieces.join('&')}`), searchResponseSchema);
          const section = await send(`/api/sections/${pieces.join('/')}`);
          expect(section.status).toBeLessThan(500);
        }),
        { numRuns: RUNS },
      );
    },
    TEST_TIMEOUT_MS,
  );
});
