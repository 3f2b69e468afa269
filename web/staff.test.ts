// The staff lookup page in a real browser against the real Lumen server.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './test-support/axe.js';
import { screenshot, usePagePerTest } from './test-support/browser.js';
import { type RunningLumen, useLumenPerFile } from './test-support/lumen-server.js';

let lumen: RunningLumen;
let browser: Browser;
let context: BrowserContext;
let page: Page;

useLumenPerFile((started) => (lumen = started));
usePagePerTest((opened) => ({ browser, context, page } = opened), {
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
    // Clean locator, then the document's full title, its date and its address.
    expect(copied).toMatch(/^DoDI 6400\.06, para\. [\w.()]+, p\. \d+\. DoD Instruction 6400\.06, DoD Coordinated [^()]+ \(July 11, 2024\)\. https:\/\/www\.esd\.whs\.mil\/DD\/$/);
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
    expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied[0])).toMatch(
      /^DoDI 6400\.06, para\. 3\.5\.d\.\(3\)\(g\), p\. 41\. DoD Instruction 6400\.06, .+ \(July 11, 2024\)\. https:\/\/www\.esd\.whs\.mil\/DD\/$/,
    );
  });

  it('moves through results with the arrow keys and opens a section with Enter', async () => {
    await page.goto(`${lumen.baseUrl}/staff`);
    const search = page.locator('[data-lumen="search"]');
    await search.fill('military protective order');
    await results().nth(1).waitFor();
    await search.press('ArrowDown');
    expect(await focused()).toBe('open');
    // ArrowUp from the first result returns to the search box.
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('search');
    await search.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = await results().nth(1).getAttribute('data-section-id');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-lumen="result"]')?.getAttribute('data-section-id'))).toBe(second);
    await page.keyboard.press('Enter');
    const section = page.locator('[data-lumen="section"]');
    await section.waitFor();
    expect(await section.getAttribute('data-section-id')).toBe(second);
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#section=${second}`);
    expect(await results().nth(1).getAttribute('class')).toContain('open');
    // Focus moves to the section's heading, so reading starts at its title.
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('pane-title');
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
    // Fourteen keystrokes at an ordinary typing pace: one request once the typing pauses, not one per key.
    await page.locator('[data-lumen="search"]').pressSequentially('ex parte order', { delay: 120 });
    await results().first().waitFor();
    await page.waitForTimeout(500);
    expect(searches.length).toBeLessThanOrEqual(2);
    // A trailing space asks nothing new.
    await page.locator('[data-lumen="search"]').press('Space');
    await page.waitForTimeout(500);
    expect(searches.length).toBeLessThanOrEqual(2);
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

const copiedTexts = (target: Page = page): Promise<string[]> => target.evaluate(() => (window as unknown as { copied: string[] }).copied);

describe('staff section pane (issue 12)', () => {
  it('scrolls to and marks the sub-paragraph a paragraph number names, announcing only the title', async () => {
    await page.goto(`${lumen.baseUrl}/staff`);
    expect(await page.locator('h1').count()).toBe(1);
    await page.locator('[data-lumen="search"]').fill('para. 3.5.d.(3)(g)');
    const result = results().filter({ hasText: 'DD Form 2873' }).first();
    await result.waitFor();
    await result.locator('[data-role="open"]').click();
    const match = page.locator('[data-lumen="section"] [data-lumen="match"]');
    await match.waitFor();
    expect(await match.innerText()).toContain('3.5.d.(3)(g)');
    // The matched paragraph is on screen inside the pane, not 1,000 px below its top.
    await expect.poll(async () => {
      const [box, pane] = await Promise.all([match.boundingBox(), page.locator('#lumen-section').boundingBox()]);
      return box!.y >= pane!.y && box!.y + 20 <= pane!.y + pane!.height && box!.y + 20 <= 860;
    }).toBe(true);
    expect(await page.locator('#lumen-section').getAttribute('aria-live')).toBeNull();
    expect(await page.locator('#lumen-status').innerText()).toBe('Opened: (3) Use DD Form 2873 to issue an MPO');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('pane-title');
    await screenshot(page, 'staff-match-highlighted');
  });

  it('marks the query words in the open section', async () => {
    await page.goto(`${lumen.baseUrl}/staff`);
    await page.locator('[data-lumen="search"]').fill('cancel the MPO');
    await results().first().waitFor();
    await results().first().locator('[data-role="open"]').click();
    await page.locator('[data-lumen="section"]').waitFor();
    const marks = await page.locator('[data-lumen="section"] mark').allInnerTexts();
    expect(marks.map((mark) => mark.toLowerCase())).toEqual(expect.arrayContaining(['mpo']));
  });

  it('copies a clean citation with title, date and address for every document', async () => {
    await page.goto(`${lumen.baseUrl}/staff`);
    const search = page.locator('[data-lumen="search"]');
    for (const [doc, query, pattern] of [
      ['mo', 'judge review petition ex parte', /^WomensLaw Missouri Q&A, ("[^"]+"|MO ST)[^.]*?.*\. WomensLaw: Missouri Restraining Orders \(undated\)\. https:\/\/www\.womenslaw\.org\/laws\/mo\/restraining-orders$/],
      ['mpo', 'transferred to a new command', /^WomensLaw MPO page(, "[^"]+")?\. WomensLaw: What is a military protective order \(MPO\)\? \(June 25, 2013\)\. https:\/\/www\.womenslaw\.org\/laws\/federal\/domestic-violence-military$/],
      ['dodi', 'firearms', /^DoDI 6400\.06, [^.].*\. DoD Instruction 6400\.06, .+ \(July 11, 2024\)\. https:\/\/www\.esd\.whs\.mil\/DD\/$/],
    ] as const) {
      await page.locator(`input[name="doc"][value="${doc}"]`).check({ force: true });
      await search.fill(query);
      await expect.poll(async () => (await results().count()) > 0 && (await results().first().getAttribute('data-doc-id')) === doc).toBe(true);
      const before = (await copiedTexts()).length;
      await results().first().locator('[data-role="copy"]').click();
      await expect.poll(async () => (await copiedTexts()).length).toBe(before + 1);
      const copied = (await copiedTexts())[before]!;
      expect(copied, doc).toMatch(pattern);
      expect(copied).not.toMatch(/\bSee\b|Incorporating Change|\.\.\./);
    }
  });

  it('says plainly when the server cannot be reached', async () => {
    await page.goto(`${lumen.baseUrl}/staff`);
    await page.route('**/api/search**', (route) => route.abort('internetdisconnected'));
    await page.locator('[data-lumen="search"]').fill('ex parte');
    await expect.poll(() => page.locator('#lumen-status').innerText()).toMatch(/Cannot reach Lumen/);
    expect(await page.locator('#lumen-status').innerText()).not.toMatch(/fetch/i);
  });

  it('on a phone, a button leads back from the open section to its result', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
    const phonePage = await phone.newPage();
    await phonePage.goto(`${lumen.baseUrl}/staff`);
    await phonePage.locator('[data-lumen="search"]').fill('military protective order');
    await phonePage.locator('[data-lumen="result"]').nth(2).waitFor();
    // Nothing pushes the page wider than the phone.
    expect(await phonePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const third = phonePage.locator('[data-lumen="result"]').nth(2);
    await third.waitFor();
    const id = await third.getAttribute('data-section-id');
    await third.locator('[data-role="open"]').click();
    await phonePage.locator('[data-lumen="section"]').waitFor();
    const back = phonePage.locator('[data-lumen="back-to-results"]');
    await expect.poll(() => back.isVisible()).toBe(true);
    // Sticky at the top of the screen while the section is read.
    await expect.poll(async () => (await back.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    const backBox = await back.boundingBox();
    expect(backBox!.y + backBox!.height).toBeLessThanOrEqual(740);
    expect(backBox!.height).toBeGreaterThanOrEqual(44);
    await screenshot(phonePage, 'staff-phone-section');
    await back.click();
    const focusedResult = await phonePage.evaluate(() => document.activeElement?.closest('[data-lumen="result"]')?.getAttribute('data-section-id'));
    expect(focusedResult).toBe(id);
    const box = await phonePage.locator(`[data-lumen="result"][data-section-id="${id}"]`).boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(-1);
    expect(box!.y).toBeLessThan(740);
    await phone.close();
  });

  it('has no serious or critical axe violations, with a section open', async () => {
    await page.goto(`${lumen.baseUrl}/staff`);
    await page.locator('[data-lumen="search"]').fill('DD Form 2873-1');
    await results().first().waitFor();
    await results().first().locator('[data-role="open"]').click();
    await page.locator('[data-lumen="section"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
