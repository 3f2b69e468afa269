import { describe, expect, it } from 'vitest';
import { LIMITS } from './contract.js';
import type { Embeddings } from '@langchain/core/embeddings';
import { createLogger } from './logger.js';
import { loadSnapshot } from './runtime.js';
import { createTestApp, createTestRuntimeWith, getTestRuntime } from './testing/test-runtime.js';

const json = { 'Content-Type': 'application/json' };
const chatBody = (messages: unknown) => JSON.stringify({ messages });
const ask = (content: string) => [{ role: 'user', content }];

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.message.length).toBeGreaterThan(10);
  return body.error;
}

describe('request limits: each breach is a 4xx that names the limit', () => {
  it('refuses a chat body over the byte limit, with or without Content-Length', async () => {
    const app = await createTestApp();
    const body = chatBody(ask('a'.repeat(LIMITS.maxBodyBytes)));
    const declared = await app.request('/api/chat', { method: 'POST', headers: { ...json, 'Content-Length': String(body.length) }, body });
    expect(declared.status).toBe(413);
    expect((await errorOf(declared)).code).toBe('body_too_large');
    // Chunked upload: no Content-Length, so the limit must be enforced while reading.
    const stream = new Blob([body]).stream();
    const chunked = await app.request('/api/chat', { method: 'POST', headers: json, body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('refuses a message over the character limit and says which one', async () => {
    const app = await createTestApp();
    const response = await app.request('/api/chat', { method: 'POST', headers: json, body: chatBody(ask('x'.repeat(LIMITS.maxMessageChars + 1))) });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain('messages.0.content');
    expect(error.message).toContain(String(LIMITS.maxMessageChars));
  });

  it('refuses too many messages, no messages, and a conversation that does not end with the user', async () => {
    const app = await createTestApp();
    const many = Array.from({ length: LIMITS.maxMessages + 1 }, (_, index) => ({ role: index % 2 ? 'assistant' : 'user', content: 'order of protection' }));
    for (const messages of [many, [], [{ role: 'assistant', content: 'hello' }], [{ role: 'system', content: 'x' }], [{ role: 'user', content: '   ' }]]) {
      const response = await app.request('/api/chat', { method: 'POST', headers: json, body: chatBody(messages) });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe('invalid_request');
    }
  });

  it('refuses malformed JSON and a non-JSON content type with a message that says what to send', async () => {
    const app = await createTestApp();
    const malformed = await app.request('/api/chat', { method: 'POST', headers: json, body: '{"messages": [' });
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).message).toContain('not valid JSON');
    const plain = await app.request('/api/chat', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: chatBody(ask('hi')) });
    expect(plain.status).toBe(415);
    expect((await errorOf(plain)).message).toContain('Content-Type: application/json');
    const none = await app.request('/api/chat', { method: 'POST', body: chatBody(ask('hi')) });
    expect(none.status).toBe(415);
  });

  it('refuses search queries that are too long, empty, missing or out of range', async () => {
    const app = await createTestApp();
    const long = await app.request(`/api/search?q=${'a'.repeat(LIMITS.maxQueryChars + 1)}`);
    expect(long.status).toBe(400);
    expect((await errorOf(long)).message).toContain(`at most ${LIMITS.maxQueryChars}`);
    for (const query of ['', '?q=', '?q=%20%20', `?q=order&limit=${LIMITS.maxSearchResults + 1}`, '?q=order&mode=psychic', '?q=order&doc=nope', '?q=a&q=b']) {
      const response = await app.request(`/api/search${query}`);
      expect(response.status, query).toBe(400);
      expect((await errorOf(response)).code).toBe('invalid_request');
    }
  });

  it('says to send q once when it is repeated, rather than that it is missing', async () => {
    const app = await createTestApp();
    const response = await app.request('/api/search?q=order&q=protection');
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(/q: sent 2 times; send q once/);
    expect(error.message).not.toMatch(/required/);
  });

  it('refuses a URL far longer than any valid query before parsing it', async () => {
    const app = await createTestApp();
    const response = await app.request(`/api/search?q=order&pad=${'%F0%9F%92%A5'.repeat(1000)}`);
    expect(response.status).toBe(414);
    expect((await errorOf(response)).code).toBe('uri_too_long');
  });
});

describe('rate limiting per client', () => {
  it('answers 429 with Retry-After and the standard error body once a budget is spent; chat and lookups count apart', async () => {
    const runtime = await createTestRuntimeWith({ LUMEN_RATE_LIMIT_PER_MINUTE: '2', LUMEN_LOOKUP_RATE_LIMIT_PER_MINUTE: '3' });
    const app = await createTestApp({ runtime });
    for (let index = 0; index < 3; index++) {
      const response = await app.request(index === 2 ? '/api/sections/dodi:G.1' : '/api/search?q=order&mode=instant');
      expect(response.status).toBe(200);
      expect(response.headers.get('RateLimit-Remaining')).toBe(String(2 - index));
    }
    const expectLimited = async (response: Response) => {
      expect(response.status).toBe(429);
      const retryAfter = Number(response.headers.get('Retry-After'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect((await errorOf(response)).code).toBe('rate_limited');
    };
    await expectLimited(await app.request('/api/search?q=order&mode=instant'));
    await expectLimited(await app.request('/api/sections/dodi:G.1'));
    // Lookups spent their budget; chat still has its own.
    const chat = () => app.request('/api/chat', { method: 'POST', headers: json, body: chatBody(ask('What is an order of protection?')) });
    expect((await chat()).status).toBe(200);
    expect((await chat()).status).toBe(200);
    await expectLimited(await chat());
    // Health checks and pages are not /api and stay reachable for load balancers.
    expect((await app.request('/healthz')).status).toBe(200);
  });

  it('is off at 0 and takes a pluggable store', async () => {
    const off = await createTestApp({ runtime: await createTestRuntimeWith({ LUMEN_RATE_LIMIT_PER_MINUTE: '0', LUMEN_LOOKUP_RATE_LIMIT_PER_MINUTE: '0' }) });
    for (let index = 0; index < 5; index++) expect((await off.request('/api/search?q=order&mode=instant')).status).toBe(200);

    const { createApp } = await import('./app.js');
    const { createLogger } = await import('./logger.js');
    const keys: string[] = [];
    const store = { hit: async (key: string) => (keys.push(key), { count: 99, resetAt: Date.now() + 5_000 }) };
    const runtime = await createTestRuntimeWith({ LUMEN_LOOKUP_RATE_LIMIT_PER_MINUTE: '10' });
    const app = createApp(runtime, { logger: createLogger({ mode: 'silent' }), rateLimitStore: store });
    const response = await app.request('/api/search?q=order&mode=instant');
    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe('5');
    // app.request has no socket, so every such request is the same constant client.
    expect(keys).toEqual(['lookup:local']);
  });
});

describe('an embedding server that fails', () => {
  it('leaves hybrid chat and search answering from lexical evidence; vector-only says it is unavailable', async () => {
    const base = await getTestRuntime();
    let calls = 0;
    const down = {
      embedQuery: async () => {
        calls++;
        throw new Error('connect ECONNREFUSED 127.0.0.1:9');
      },
      embedDocuments: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:9');
      },
    } as unknown as Embeddings;
    const runtime = { ...base, embedder: down, snapshot: loadSnapshot({ config: base.config, embedder: down }) };
    const lines: string[] = [];
    const app = await createTestApp({ runtime, logger: createLogger({ mode: 'json', write: (line) => lines.push(line) }) });
    const chat = await app.request('/api/chat', { method: 'POST', headers: json, body: chatBody(ask('How long does a full order of protection last in Missouri?')) });
    expect(chat.status).toBe(200);
    const answer = (await chat.json()) as { status: string; citations: Array<{ sectionId: string }> };
    expect(answer.status).toBe('answered');
    expect(answer.citations.some((citation) => citation.sectionId.startsWith('mo:'))).toBe(true);
    const search = await app.request('/api/search?q=DD%20Form%202873-1&mode=hybrid');
    expect(search.status).toBe(200);
    expect(((await search.json()) as { results: Array<{ sectionId: string }> }).results[0]?.sectionId).toMatch(/^dodi:/);
    expect(calls).toBeGreaterThanOrEqual(2);
    // Operators are told, once per request, without the question.
    const degraded = lines.map((line) => JSON.parse(line) as Record<string, string>).filter((line) => line.event === 'retrieval_degraded');
    expect(degraded.map((line) => line.route)).toEqual(['/api/chat', '/api/search']);
    expect(degraded.every((line) => line.fellBackTo === 'lexical' && line.errorName === 'Error')).toBe(true);
    expect(lines.join('\n')).not.toMatch(/full order of protection|2873/);
    const vectorOnly = await app.request('/api/search?q=cancel%20an%20MPO&mode=vector');
    expect(vectorOnly.status).toBe(503);
    expect((await errorOf(vectorOnly)).code).toBe('temporarily_unavailable');
  });
});

describe('CORS: only configured origins may embed the widget', () => {
  it('gives the allowed origin the header and another origin nothing', async () => {
    const runtime = await createTestRuntimeWith({ LUMEN_CORS_ORIGINS: 'https://shelter.example, https://legal-aid.example' });
    const app = await createTestApp({ runtime });
    const allowed = await app.request('/api/search?q=order&mode=instant', { headers: { Origin: 'https://legal-aid.example' } });
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe('https://legal-aid.example');
    const other = await app.request('/api/search?q=order&mode=instant', { headers: { Origin: 'https://evil.example' } });
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();

    const preflight = (origin: string) =>
      app.request('/api/chat', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });
    const goodPreflight = await preflight('https://shelter.example');
    expect(goodPreflight.headers.get('Access-Control-Allow-Origin')).toBe('https://shelter.example');
    expect(goodPreflight.headers.get('Access-Control-Allow-Methods')).toContain('POST');
    expect((await preflight('https://evil.example')).headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('allows any origin by default (local development) and exposes Retry-After', async () => {
    const app = await createTestApp({ runtime: await getTestRuntime() });
    const response = await app.request('/api/search?q=order&mode=instant', { headers: { Origin: 'http://localhost:5173' } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Expose-Headers')).toContain('Retry-After');
  });
});

describe('security headers', () => {
  it('puts a CSP on the pages and nosniff and a referrer policy everywhere', async () => {
    const app = await createTestApp();
    for (const path of ['/', '/staff']) {
      const page = await app.request(path);
      expect(page.status).toBe(200);
      const csp = page.headers.get('Content-Security-Policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-eval');
    }
    for (const path of ['/', '/api/search?q=order&mode=instant', '/healthz', '/api/nothing']) {
      const response = await app.request(path);
      expect(response.headers.get('X-Content-Type-Options'), path).toBe('nosniff');
      expect(response.headers.get('Referrer-Policy'), path).toBe('no-referrer');
    }
  });
});
