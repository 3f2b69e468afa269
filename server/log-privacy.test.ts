import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
import type { Runtime } from './runtime.js';
import { getTestRuntime } from './testing/test-runtime.js';

// Distinctive, so any echo of what people typed is found, in whole or in a recognisable part.
const SECRET = 'Quokkaberry Zephyrine';
const SECRET_PARTS = ['quokkaberry', 'zephyrine'];
const json = { 'Content-Type': 'application/json' };

/** Everything written while a test runs: logger lines, stdout, stderr and console calls. */
const captured: string[] = [];
const restore: Array<() => void> = [];

beforeEach(() => {
  captured.length = 0;
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      captured.push(String(chunk));
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => (stream.write = original as typeof stream.write));
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      captured.push(args.map(String).join(' '));
      original(...args);
    };
    restore.push(() => (console[method] = original));
  }
});

afterEach(() => {
  for (const undo of restore.splice(0)) undo();
});

function appOver(runtime: Runtime) {
  return createApp(runtime, { logger: createLogger({ mode: 'json', write: (line) => captured.push(line) }) });
}

function expectNoSecret(): void {
  const all = captured.join('\n').toLowerCase();
  for (const part of SECRET_PARTS) expect(all).not.toContain(part);
  // Also not percent-encoded or JSON-escaped.
  expect(all).not.toContain(encodeURIComponent(SECRET).toLowerCase());
}

describe('what people type never appears in logs', () => {
  it('through chat: answered, not found, emergency, follow-up and streaming', async () => {
    const app = appOver(await getTestRuntime());
    const conversations = [
      [{ role: 'user', content: `How do I get an order of protection against ${SECRET} in Missouri?` }],
      [{ role: 'user', content: `${SECRET} recipe for banana bread` }],
      [{ role: 'user', content: `${SECRET} is outside with a gun and says he will kill me` }],
      [
        { role: 'user', content: `Can my commander issue a protective order against ${SECRET}?` },
        { role: 'assistant', content: `Yes [1]. ${SECRET}` },
        { role: 'user', content: `and how long does it last for ${SECRET}?` },
      ],
    ];
    for (const messages of conversations) {
      for (const stream of [false, true]) {
        const response = await app.request('/api/chat', { method: 'POST', headers: json, body: JSON.stringify({ messages, stream }) });
        expect(response.status).toBe(200);
        await response.text();
      }
    }
    expect(captured.some((line) => line.includes('"event":"request"'))).toBe(true);
    expectNoSecret();
  });

  it('through search, sections and unknown routes', async () => {
    const app = appOver(await getTestRuntime());
    for (const mode of ['instant', 'hybrid', 'lexical', 'vector']) {
      expect((await app.request(`/api/search?q=${encodeURIComponent(`${SECRET} stalking`)}&mode=${mode}`)).status).toBe(200);
    }
    expect((await app.request(`/api/search?q=order&doc=${encodeURIComponent(SECRET)}`)).status).toBe(400);
    expect((await app.request(`/api/sections/${encodeURIComponent(SECRET)}`)).status).toBe(404);
    expect((await app.request(`/api/${encodeURIComponent(SECRET)}`)).status).toBe(404);
    expectNoSecret();
  });

  it('through bad input: limits, malformed JSON, wrong types and content types', async () => {
    const app = appOver(await getTestRuntime());
    const bodies = [
      JSON.stringify({ messages: [{ role: 'user', content: `${SECRET} `.repeat(200) }] }),
      JSON.stringify({ messages: [{ role: SECRET, content: SECRET }] }),
      JSON.stringify({ messages: SECRET }),
      `{"messages": [{"role": "user", "content": "${SECRET}"`,
      JSON.stringify({ messages: [{ role: 'user', content: `${SECRET} `.repeat(5_000) }] }),
    ];
    for (const body of bodies) {
      const response = await app.request('/api/chat', { method: 'POST', headers: json, body });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    expect((await app.request('/api/chat', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: SECRET })).status).toBe(415);
    expect((await app.request(`/api/search?q=${encodeURIComponent(SECRET.repeat(30))}`)).status).toBe(400);
    expectNoSecret();
  });

  it('through the unexpected-error path, which logs the failure but not the question', async () => {
    const base = await getTestRuntime();
    const failing: Runtime = {
      ...base,
      snapshot: {
        ...base.snapshot,
        search: {
          ...base.snapshot.search,
          embed: async () => {
            throw new Error('vector store unavailable');
          },
        },
      },
    };
    const app = appOver(failing);
    const messages = [{ role: 'user', content: `What is an order of protection for ${SECRET}?` }];
    // Vector-only has nothing to fall back on; hybrid answers from lexical evidence (and must not log the text either).
    const chat = await app.request('/api/chat', { method: 'POST', headers: json, body: JSON.stringify({ messages, retrievalMode: 'vector' }) });
    expect(chat.status).toBe(503);
    expect((await app.request('/api/chat', { method: 'POST', headers: json, body: JSON.stringify({ messages }) })).status).toBe(200);
    expect((await app.request(`/api/search?q=${encodeURIComponent(SECRET)}&mode=vector`)).status).toBe(503);
    expect(captured.some((line) => line.includes('unhandled_error'))).toBe(true);
    expectNoSecret();
  });
});
