// The chat budget counts only requests that passed validation, and never turns away a message in danger.
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import type { ChatMessage, ChatResponse } from '../contract.js';
import { createLogger } from '../logger.js';
import { createTestRuntimeWith } from '../testing/test-runtime.js';

const QUESTION = 'How long does a full order of protection last in Missouri?';
const crossSite = { Origin: 'https://elsewhere.example' };
const post = (app: ReturnType<typeof createApp>, init: { headers?: Record<string, string>; body: string }) =>
  app.request('/api/chat', { method: 'POST', headers: { ...crossSite, ...init.headers }, body: init.body });
const chat = (app: ReturnType<typeof createApp>, content: string, extra: Record<string, unknown> = {}) =>
  post(app, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content }], ...extra }) });

async function appWithLimit(limit: number, options: Parameters<typeof createApp>[1] = {}) {
  const runtime = await createTestRuntimeWith({ LUMEN_RATE_LIMIT_PER_MINUTE: String(limit) });
  return createApp(runtime, { logger: createLogger({ mode: 'silent' }), ...options });
}

describe('the chat rate limit counts only requests that pass validation', () => {
  it('80 cross-site text/plain posts, then bad JSON and bad schemas, do not spend the visitor budget', async () => {
    const app = await appWithLimit(60);
    const body = JSON.stringify({ messages: [{ role: 'user', content: QUESTION }] });
    // What a page anywhere can send without a preflight: a "simple" POST with text/plain.
    for (let index = 0; index < 80; index++) expect((await post(app, { headers: { 'Content-Type': 'text/plain' }, body })).status).toBe(415);
    for (let index = 0; index < 30; index++) expect((await post(app, { headers: { 'Content-Type': 'application/json' }, body: '{"messages": [' })).status).toBe(400);
    for (let index = 0; index < 30; index++) expect((await post(app, { headers: { 'Content-Type': 'application/json' }, body: '{"messages": []}' })).status).toBe(400);
    const real = await chat(app, QUESTION);
    expect(real.status).toBe(200);
    expect(((await real.json()) as ChatResponse).status).toBe('answered');
    // The first counted request: the 140 rejected ones above were not counted.
    expect(real.headers.get('RateLimit-Remaining')).toBe('59');
  });

  it('past the limit answers a message in danger (plain and streamed), and a normal one gets 429', async () => {
    const app = await appWithLimit(2);
    expect((await chat(app, QUESTION)).status).toBe(200);
    expect((await chat(app, QUESTION)).status).toBe(200);
    const normal = await chat(app, QUESTION);
    expect(normal.status).toBe(429);
    expect(normal.headers.get('Retry-After')).toMatch(/^\d+$/);

    const danger = await chat(app, "he's outside my door right now with a knife, what do I do");
    expect(danger.status).toBe(200);
    expect(danger.headers.get('Retry-After')).toBeNull();
    const answer = (await danger.json()) as ChatResponse;
    expect(answer.status).toBe('emergency');
    expect(answer.answer).toMatch(/911/);

    const selfHarm = await chat(app, 'i want to kill myself');
    expect(selfHarm.status).toBe(200);
    expect(((await selfHarm.json()) as ChatResponse).status).toBe('emergency');

    const streamed = await chat(app, 'my ex is banging on the door right now', { stream: true });
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get('content-type')).toMatch(/text\/event-stream/);
    expect(await streamed.text()).toContain('event: done');

    // Still limited for anything that is not urgent.
    expect((await chat(app, 'What is a military protective order?')).status).toBe(429);
  });

  it('asks the urgency check only once the limit is exceeded, and answers when the check itself fails', async () => {
    const seen: ChatMessage[][] = [];
    let failing = false;
    const app = await appWithLimit(1, {
      isUrgent: async (messages) => {
        seen.push(messages);
        if (failing) throw new Error('classifier down');
        return messages.some((message) => message.content.includes('URGENT-BY-CLASSIFIER'));
      },
    });
    expect((await chat(app, QUESTION)).status).toBe(200);
    expect(seen).toHaveLength(0);
    expect((await chat(app, QUESTION)).status).toBe(429);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toEqual([{ role: 'user', content: QUESTION }]);
    // The option replaces the default check: this message has no danger words, only the classifier's say.
    expect((await chat(app, `${QUESTION} URGENT-BY-CLASSIFIER`)).status).toBe(200);
    failing = true;
    expect((await chat(app, QUESTION)).status).toBe(200);
  });
});
