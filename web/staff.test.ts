// The staff lookup page in a real browser against the real Lumen server.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, usePagePerTest } from './test-support/browser.js';
import { type RunningLumen, useLumenPerFile } from './test-support/lumen-server.js';

let lumen: RunningLumen;
let context: BrowserContext;
let page: Page;

useLumenPerFile((started) => (lumen = started));
usePagePerTest((opened) => ({ context, page } = opened), {
  // Stand-in clipboard: records what the page copies, so no OS clipboard is needed.
  prepare: (page) =>
    page.addInitScript(() => {
      const written: string[] = [];
      (window as unknown as { copied: string[] }).copied = written;
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: async (text: string) => void written.push(text) },
      });
    }),
});

const results = (): ReturnType<Page['locator']> => page.locator('[data-lumen="result"]');

/** Name of the focused element's data-role or data-lumen. */
async function focused(): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-role') ?? document.activeElement?.getAttribute('data-lumen') ?? null);
}

describe('staff lookup', () => {
  it('finds DD Form 2873-1 as you type and copies a citation', async () => {
    await page.goto(`${lumen.baseUrl}/staff`);
    await page.locator('[data-lumen="search"]').fill('DD Form 2873-1');
    await results().first().waitFor();
    const texts = await results().allInnerTexts();
    expect(texts.some((text) => text.includes('2873-1'))).toBe(true);
    const match = results().filter({ hasText: '2873-1' }).first();
    expect(await match.locator('.locator').innerText()).toMatch(/para\. [\d.]+/);
    await match.getByRole('button', { name: /copy citation/i }).click();
    await page.waitForFunction(() => (window as unknown as { copied: string[] }).copied.length > 0);
    const copied = await page.evaluate(() => (window as unknown as { copied: string[] }).copied[0]);
    expect(copied).toMatch(/^DoDI 6400\.06, para\. [\w.()]+, p\. \d+$/);
    await expect(page.locator('#lumen-status').innerText()).resolves.toContain('Copied');
    await screenshot(page, 'staff-search');
  });

  it('copies the precise citation of one sub-paragraph from the open section', async () => {
    await page.goto(`${lumen.baseUrl}/staff`);
    await page.locator('[data-lumen="search"]').fill('Use DD Form 2873-1 to cancel the MPO');
    const result = results().filter({ hasText: 'issue an MPO' }).first();
    await result.waitFor();
    await result.locator('[data-role="open"]').click();
    const block = page.locator('[data-lumen="section"] .block', { hasText: 'DD Form 2873-1 to cancel' });
    await block.waitFor();
    await block.locator('.block-loc').click();
    await page.waitForFunction(() => (window as unknown as { copied: string[] }).copied.length > 0);
    expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied[0])).toBe('DoDI 6400.06, para. 3.5.d.(3)(g), p. 41');
  });

  it('moves through results with the arrow keys and opens a section with Enter', async () => {
    await page.goto(`${lumen.baseUrl}/staff`);
    const search = page.locator('[data-lumen="search"]');
    await search.fill('military protective order');
    await results().nth(1).waitFor();
    await search.press('ArrowDown');
    expect(await focused()).toBe('open');
    await page.keyboard.press('ArrowDown');
    const second = await results().nth(1).getAttribute('data-section-id');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-lumen="result"]')?.getAttribute('data-section-id'))).toBe(second);
    await page.keyboard.press('Enter');
    const section = page.locator('[data-lumen="section"]');
    await section.waitFor();
    expect(await section.getAttribute('data-section-id')).toBe(second);
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#section=${second}`);
    expect(await results().nth(1).getAttribute('class')).toContain('open');
    // ArrowUp twice returns to the search box.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('search');
    await screenshot(page, 'staff-section');
  });

  it('opens #section=<id> directly', async () => {
    await page.goto(`${lumen.baseUrl}/staff`);
    await page.locator('[data-lumen="search"]').fill('DD Form 2873-1');
    await results().first().waitFor();
    const id = (await results().first().getAttribute('data-section-id'))!;
    const fresh = await context.newPage();
    await fresh.goto(`${lumen.baseUrl}/staff#section=${encodeURIComponent(id)}`);
    const section = fresh.locator('[data-lumen="section"]');
    await section.waitFor();
    expect(await section.getAttribute('data-section-id')).toBe(id);
    expect(await section.locator('.pane-locator').innerText()).not.toBe('');
    await fresh.close();
  });

  it('filters by document and debounces typing', async () => {
    const searches: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/search')) searches.push(request.url());
    });
    await page.goto(`${lumen.baseUrl}/staff`);
    await page.getByLabel('Missouri Q&A').check();
    await page.locator('[data-lumen="search"]').pressSequentially('ex parte order', { delay: 15 });
    await results().first().waitFor();
    await page.waitForTimeout(300);
    // Fourteen keystrokes, a few requests: the 80 ms pause skips most intermediate queries.
    expect(searches.length).toBeLessThan(6);
    expect(searches.every((url) => new URL(url).searchParams.get('doc') === 'mo')).toBe(true);
    expect(new URL(searches[searches.length - 1]!).searchParams.get('mode')).toBe('instant');
    const docs = await results().evaluateAll((items) => items.map((item) => item.getAttribute('data-doc-id')));
    expect(new Set(docs)).toEqual(new Set(['mo']));
  });

  it('shows typed HTML in the search box as text', async () => {
    await page.goto(`${lumen.baseUrl}/staff`);
    await page.locator('[data-lumen="search"]').fill('<img src=x onerror=alert(1)>');
    await page.waitForTimeout(400);
    expect(await page.locator('img').count()).toBe(0);
  });
});
