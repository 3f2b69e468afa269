// The widget when things go wrong (issue 12): a message typed while an answer is pending, a server
// that is slow, down or sends nonsense, a citation followed before Quick exit, follow-up questions.
import type { BrowserContext, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, usePagePerTest } from './test-support/browser.js';
import { type RunningLumen, useLumenPerFile } from './test-support/lumen-server.js';
import { ANSWER_TIMEOUT_MS, ask, hook, openPanel } from './test-support/widget-page.js';

let lumen: RunningLumen;
let context: BrowserContext;
let page: Page;

useLumenPerFile((started) => (lumen = started));
usePagePerTest((opened) => ({ context, page } = opened));

/** Types a message and sends it with Enter, without waiting for any answer. */
async function send(text: string): Promise<void> {
  await hook(page, 'input').fill(text);
  await hook(page, 'input').press('Enter');
}

/** Holds matching requests until released (a server that does not answer); the rest reach the real server. */
function holdRequests(shouldHold: (index: number) => boolean): { release(): void; count(): number } {
  let index = 0;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  void page.route('**/api/chat', async (route: Route) => {
    const mine = index;
    index += 1;
    if (!shouldHold(mine)) return route.continue();
    await held;
    await route.abort().catch(() => undefined);
  });
  return { release: () => release(), count: () => index };
}

const latestAnswer = (): ReturnType<Page['locator']> => page.locator('[data-lumen="answer"]');

describe('a message typed while an answer is pending', () => {
  it('stops the pending answer, sends the new one at once, and a danger message gets 911 within 8 s', async () => {
    const server = holdRequests((index) => index === 0);
    await page.goto(lumen.hostUrl);
    await openPanel(page);
    await send('how long does a full order of protection last in Missouri');
    await page.waitForTimeout(1500);
    const started = Date.now();
    await send('he is outside my door right now');
    await hook(page, 'call-911').first().waitFor({ state: 'visible', timeout: 8000 });
    const answer = page.locator('[data-lumen="answer"][aria-busy="false"]');
    await answer.waitFor({ timeout: 8000 });
    expect(Date.now() - started).toBeLessThan(8000);
    expect(await answer.getAttribute('data-status')).toBe('emergency');
    expect(server.count()).toBe(2);
    // The first question is not dropped silently: its bubble says it was stopped.
    expect(await page.locator('[data-status="cancelled"]').innerText()).toMatch(/stopped/i);
    expect(await page.locator('[data-lumen="question"]').count()).toBe(2);
    await screenshot(page, 'widget-danger-while-pending');
    server.release();
  });

  it('shows 911 from its own list the moment danger words are sent, even with the server down', async () => {
    const server = holdRequests(() => true);
    await page.goto(lumen.hostUrl);
    await openPanel(page);
    const started = Date.now();
    await send('please help he is here and says he will kill me');
    await latestAnswer().locator('[data-lumen="call-911"]').waitFor({ state: 'visible', timeout: 2000 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await latestAnswer().locator('a[href^="tel:+1800"]').count()).toBeGreaterThan(0);
    await expect.poll(() => hook(page, 'live').textContent()).toMatch(/911/);
    await screenshot(page, 'widget-danger-offline');
    // When the request then fails, the bubble keeps its 911 block (once) and adds Retry.
    server.release();
    const failed = page.locator('[data-lumen="answer"][data-status="error"]');
    await failed.waitFor();
    expect(await failed.locator('a[href="tel:911"]').count()).toBe(1);
    expect(await failed.locator('.hotline-card').count()).toBe(1);
    expect(await failed.locator('[data-lumen="retry"]').count()).toBe(1);
  });
});

describe('a slow, failing or unreadable server', () => {
  it('gives up after about 15 s with plain words, 911, a hotline, the question kept and a Retry that works', async () => {
    const server = holdRequests((index) => index === 0);
    await page.goto(lumen.hostUrl);
    await openPanel(page);
    const question = 'what is an ex parte order';
    const started = Date.now();
    await send(question);
    const failed = page.locator('[data-lumen="answer"][data-status="error"]');
    await failed.waitFor({ timeout: 25_000 });
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThan(14_000);
    expect(waited).toBeLessThan(20_000);
    expect(await failed.innerText()).toMatch(/too long/i);
    expect(await failed.locator('a[href="tel:911"]').count()).toBe(1);
    expect(await failed.locator('a[href^="tel:+1800"]').count()).toBeGreaterThan(0);
    expect(await hook(page, 'input').inputValue()).toBe(question);
    await screenshot(page, 'widget-timeout');
    await failed.locator('[data-lumen="retry"]').click();
    const answer = page.locator('[data-lumen="answer"][aria-busy="false"]');
    await answer.waitFor({ timeout: ANSWER_TIMEOUT_MS });
    expect(await answer.getAttribute('data-status')).not.toBe('error');
    expect(await page.locator('[data-lumen="question"]').count()).toBe(1);
    expect(await hook(page, 'input').inputValue()).toBe('');
    server.release();
  }, 90_000);

  for (const [name, status, body] of [
    ['an unreadable 200 reply', 200, JSON.stringify({ hello: 'world' })],
    ['a refusal with a developer message', 400, JSON.stringify({ error: { code: 'invalid_request', message: 'messages[0].content: Too big: expected string to have <=2000 characters' } })],
    ['a rate limit', 429, JSON.stringify({ error: { code: 'rate_limited', message: 'Too many requests: the limit is 60 per minute' } })],
    ['a stream whose last event is not an answer', 200, 'event: done\ndata: {"hello":"world"}\n\n'],
  ] as const) {
    it(`answers ${name} with the same help as a network failure, never the raw text`, async () => {
      await page.route('**/api/chat', (route) =>
        route.fulfill({ status, contentType: body.startsWith('event:') ? 'text/event-stream' : 'application/json', body }),
      );
      await page.goto(lumen.hostUrl);
      await openPanel(page);
      const answer = await ask(page, 'can I get an order against my ex');
      expect(await answer.getAttribute('data-status')).toBe('error');
      const text = await answer.innerText();
      expect(text).not.toMatch(/hello|world|messages\[0\]|Too big|per minute|expected string/);
      expect(text.trim().length).toBeGreaterThan(40);
      expect(await answer.locator('a[href="tel:911"]').count()).toBe(1);
      expect(await answer.locator('a[href^="tel:+1800"]').count()).toBeGreaterThan(0);
      expect(await answer.locator('[data-lumen="retry"]').count()).toBe(1);
      expect(await hook(page, 'input').inputValue()).toBe('can I get an order against my ex');
      if (status === 200 && !body.startsWith('event:')) await screenshot(page, 'widget-unreadable-reply');
    });
  }
});

describe('following a citation, then Quick exit', () => {
  it('reads the section in the panel, and Quick exit closes the original document it opened', async () => {
    await context.route('https://www.womenslaw.org/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>WomensLaw</title><h1>WomensLaw</h1>' }),
    );
    await page.goto(lumen.startUrl);
    await page.goto(lumen.hostUrl);
    await openPanel(page);
    const answer = await ask(page, 'how long does a full order of protection last in Missouri');
    await answer.locator('[data-lumen="citation"]').first().click();
    const source = hook(page, 'source');
    await source.getByRole('button', { name: /whole section/i }).click();
    await hook(page, 'reader').locator('.reader-block').first().waitFor({ timeout: 15_000 });
    expect(context.pages()).toHaveLength(1);
    await hook(page, 'reader').press('Escape');
    const popup = context.waitForEvent('page');
    await source.getByRole('link', { name: /original document/i }).click();
    const opened = await popup;
    await opened.waitForLoadState();
    expect(context.pages()).toHaveLength(2);
    await hook(page, 'quick-exit').first().click();
    await page.waitForURL(lumen.exitUrl);
    await expect.poll(() => opened.isClosed()).toBe(true);
    expect(context.pages()).toHaveLength(1);
  });
});

describe('conversation details', () => {
  it('offers the server’s related questions as buttons that ask them', async () => {
    // The server adds `related` to the chat response; until it does, this test adds it to a real answer.
    await page.route('**/api/chat', async (route) => {
      const request = route.request().postDataJSON() as { messages: { content: string }[] };
      const response = await route.fetch({ postData: JSON.stringify({ ...request, stream: false }), headers: { ...route.request().headers(), accept: 'application/json' } });
      const body = (await response.json()) as Record<string, unknown>;
      body.related = [
        { question: 'Can a full order of protection be renewed?', sectionId: 'mo:x' },
        { question: 'What happens at the full order hearing?', sectionId: 'mo:y' },
      ];
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    });
    await page.goto(lumen.hostUrl);
    await openPanel(page);
    const answer = await ask(page, 'how long does a full order of protection last in Missouri');
    const related = answer.locator('[data-lumen="related"] button');
    expect(await related.allInnerTexts()).toEqual(['Can a full order of protection be renewed?', 'What happens at the full order hearing?']);
    await screenshot(page, 'widget-related');
    await related.first().click();
    await page.locator('[data-lumen="answer"][aria-busy="false"]').waitFor({ timeout: ANSWER_TIMEOUT_MS });
    expect(await page.locator('[data-lumen="question"]').last().innerText()).toContain('Can a full order of protection be renewed?');
    // Each answer has its own accessible name, and the welcome's examples have left the Tab order.
    const names = await page.locator('article.bubble.bot').evaluateAll((articles) => articles.map((article) => article.getAttribute('aria-label')));
    expect(new Set(names).size).toBe(2);
    const tabbable = await page.locator('.welcome .suggestion').evaluateAll((buttons) => buttons.map((button) => (button as HTMLElement).tabIndex));
    expect(tabbable.every((index) => index === -1)).toBe(true);
  });
});
