import { describe, expect, it } from 'vitest';
import { LIMITS } from './contract.js';
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

  it('refuses a URL far longer than any valid query before parsing it', async () => {
    const app = await createTestApp();
    const response = await app.request(`/api/search?q=order&pad=${'%F0%9F%92%A5'.repeat(1000)}`);
    expect(response.status).toBe(414);
    expect((await errorOf(response)).code).toBe('uri_too_long');
  });
});

describe('rate limiting per client', () => {
  it('answers 429 with Retry-After and the standard error body once the limit is spent, on every /api route', async () => {
    const runtime = await createTestRuntimeWith({ LUMEN_RATE_LIMIT_PER_MINUTE: '3' });
    const app = await createTestApp({ runtime });
    for (let index = 0; index < 3; index++) {
      const response = await app.request('/api/search?q=order&mode=instant');
      expect(response.status).toBe(200);
      expect(response.headers.get('RateLimit-Remaining')).toBe(String(2 - index));
    }
    for (const request of [
      app.request('/api/search?q=order&mode=instant'),
      app.request('/api/chat', { method: 'POST', headers: json, body: chatBody(ask('What is an order of protection?')) }),
    ]) {
      const limited = await request;
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get('Retry-After'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect((await errorOf(limited)).code).toBe('rate_limited');
    }
    // Health checks and pages are not /api and stay reachable for load balancers.
    expect((await app.request('/healthz')).status).toBe(200);
  });

  it('is off at 0 and takes a pluggable store', async () => {
    const off = await createTestApp({ runtime: await createTestRuntimeWith({ LUMEN_RATE_LIMIT_PER_MINUTE: '0' }) });
    for (let index = 0; index < 5; index++) expect((await off.request('/api/search?q=order&mode=instant')).status).toBe(200);

    const { createApp } = await import('./app.js');
    const { createLogger } = await import('./logger.js');
    const keys: string[] = [];
    const store = { hit: async (key: string) => (keys.push(key), { count: 99, resetAt: Date.now() + 5_000 }) };
    const runtime = await createTestRuntimeWith({ LUMEN_RATE_LIMIT_PER_MINUTE: '10' });
    const app = createApp(runtime, { logger: createLogger({ mode: 'silent' }), rateLimitStore: store });
    const response = await app.request('/api/search?q=order&mode=instant');
    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe('5');
    // app.request has no socket, so every such request is the same constant client.
    expect(keys).toEqual(['local']);
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
