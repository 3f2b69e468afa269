// The widget in a real browser against the real Lumen server: asking, citations,
// emergencies, keyboard-only use and style isolation on the demo host page.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, usePagePerTest } from './test-support/browser.js';
import { type RunningLumen, useLumenPerFile } from './test-support/lumen-server.js';
import { ANSWER_TIMEOUT_MS, ask, focusedHook, hook, openPanel } from './test-support/widget-page.js';

let lumen: RunningLumen;
let context: BrowserContext;
let page: Page;

useLumenPerFile((started) => (lumen = started));
usePagePerTest((opened) => ({ context, page } = opened));

describe('widget', () => {
  it('embeds from one script tag and keeps the host page CSS out', async () => {
    await page.goto(`${lumen.baseUrl}/`);
    await hook(page, 'launcher').waitFor();
    const embed = await page.evaluate(() =>
      [...document.querySelectorAll('script')].map((script) => ({ src: script.getAttribute('src'), endpoint: script.dataset.endpoint, inline: script.textContent?.trim() ?? '' })),
    );
    expect(embed).toEqual([{ src: '/widget.js', endpoint: '/api/chat', inline: '' }]);
    const styles = await page.evaluate(() => {
      const host = document.querySelector('lumen-widget');
      const launcher = host?.shadowRoot?.querySelector('[data-lumen="launcher"]');
      const hostButton = document.querySelector('main button');
      return {
        mode: host?.shadowRoot?.mode,
        launcher: launcher && getComputedStyle(launcher).textTransform,
        launcherFont: launcher && getComputedStyle(launcher).fontFamily,
        hostButton: hostButton && getComputedStyle(hostButton).textTransform,
      };
    });
    expect(styles.mode).toBe('open');
    expect(styles.hostButton).toBe('uppercase');
    expect(styles.launcher).toBe('none');
    expect(styles.launcherFont).not.toMatch(/Georgia/);
    await screenshot(page, 'widget-host-closed');
    await openPanel(page);
    expect(await focusedHook(page)).toBe('input');
    await expect(hook(page, 'panel').textContent()).resolves.toContain('Legal information, not legal advice');
    await expect(hook(page, 'panel').textContent()).resolves.toMatch(/device may (still )?keep/);
    await screenshot(page, 'widget-open-welcome');
  });

  it('answers a question with citations that open their quote, locator and date', async () => {
    await page.goto(`${lumen.baseUrl}/`);
    await openPanel(page);
    const answer = await ask(page, 'how long does a full order of protection last in Missouri');
    expect(await answer.getAttribute('data-status')).toBe('answered');
    const citations = answer.locator('[data-lumen="citation"]');
    expect(await citations.count()).toBeGreaterThan(0);
    expect(await answer.innerText()).toMatch(/180 days|one year/i);
    await screenshot(page, 'widget-answer');

    await citations.first().click();
    const source = answer.locator('[data-lumen="source"]');
    await source.waitFor();
    expect(await citations.first().getAttribute('aria-expanded')).toBe('true');
    expect((await source.locator('blockquote').innerText()).length).toBeGreaterThan(20);
    const where = await source.locator('.card-locator').innerText();
    expect(where).not.toBe('');
    // A clean place: the question once and what it cites, never "See" or another publication's title.
    expect(where).not.toMatch(/citing "|\bSee\b|Incorporating Change/);
    expect(await source.locator('.card-asof').innerText()).toMatch(/\d{4}|Undated/);
    expect(await source.locator('.card-doc').innerText()).toMatch(/WomensLaw|DoD/);
    await screenshot(page, 'widget-citation-open');
    await source.locator('.card-links').scrollIntoViewIfNeeded();
    await screenshot(page, 'widget-citation-links');

    // "Read the whole section" shows it inside the panel, with the quoted passage marked; no tab opens.
    const pagesBefore = context.pages().length;
    await source.getByRole('button', { name: /whole section/i }).click();
    const reader = hook(page, 'reader');
    await reader.locator('.reader-block').first().waitFor({ timeout: 15_000 });
    expect(context.pages().length).toBe(pagesBefore);
    expect((await reader.innerText()).length).toBeGreaterThan(40);
    expect(await reader.locator('.reader-block.quoted').count()).toBe(1);
    await expect.poll(() => focusedHook(page)).toBe(null); // the section's heading (no hook) has focus
    await screenshot(page, 'widget-section-in-panel');
    await page.keyboard.press('Escape');
    expect(await reader.isHidden()).toBe(true);
    expect(await focusedHook(page)).toBe('read-section');

    // Esc inside the source closes it and returns focus to its marker.
    await source.press('Escape');
    await expect(source.count()).resolves.toBe(0);
    expect(await focusedHook(page)).toBe('citation');
    expect(await hook(page, 'panel').isVisible()).toBe(true);
  });

  it('puts 911 and the hotline first when someone is in danger', async () => {
    await page.goto(`${lumen.baseUrl}/`);
    await openPanel(page);
    const answer = await ask(page, 'he is outside my door with a gun');
    expect(await answer.getAttribute('data-status')).toBe('emergency');
    const links = await answer.locator('a[href]').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links[0]).toBe('tel:911');
    expect(links.slice(1).some((href) => href?.startsWith('tel:+1800'))).toBe(true);
    const order = await answer.evaluate((element) => {
      const call = element.querySelector('[data-lumen="call-911"]');
      const text = element.querySelector('.answer-text');
      return call && text ? call.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
    });
    expect(order).toBeTruthy();
    // The answer is visible from its top: the 911 button is in view, not scrolled past.
    await expect(hook(page, 'call-911').isVisible()).resolves.toBe(true);
    await expect(hook(page, 'hotlines').locator('a[href="tel:911"]').count()).resolves.toBe(1);
    await expect.poll(() => hook(page, 'live').textContent()).toMatch(/911/);
    await screenshot(page, 'widget-emergency');
  });

  it('works with the keyboard alone', async () => {
    await page.goto(`${lumen.baseUrl}/`);
    // Tab through the host page until the launcher has focus.
    for (let presses = 0; presses < 40 && (await focusedHook(page)) !== 'launcher'; presses += 1) await page.keyboard.press('Tab');
    expect(await focusedHook(page)).toBe('launcher');
    await page.keyboard.press('Enter');
    expect(await focusedHook(page)).toBe('input');
    expect(await hook(page, 'launcher').getAttribute('aria-expanded')).toBe('true');

    // Quick exit is the first control in the panel's keyboard order.
    const firstFocusable = await hook(page, 'panel').evaluate((panel) =>
      panel.querySelector('button, a[href], textarea, input, [tabindex]:not([tabindex="-1"])')?.getAttribute('data-lumen'),
    );
    expect(firstFocusable).toBe('quick-exit');

    await page.keyboard.type('What is a military protective order?');
    await page.keyboard.press('Enter');
    await page.locator('[data-lumen="answer"][aria-busy="false"]').waitFor({ timeout: ANSWER_TIMEOUT_MS });
    expect(await focusedHook(page)).toBe('input');
    await expect.poll(async () => (await hook(page, 'live').textContent())?.length ?? 0).toBeGreaterThan(20);

    // Shift+Tab walks back into the answer; a citation marker is reachable and opens with Enter.
    if ((await page.locator('[data-lumen="answer"] [data-lumen="citation"]').count()) > 0) {
      for (let presses = 0; presses < 30 && (await focusedHook(page)) !== 'citation'; presses += 1) await page.keyboard.press('Shift+Tab');
      expect(await focusedHook(page)).toBe('citation');
      await page.keyboard.press('Enter');
      expect(await focusedHook(page)).toBe('source');
    }
    await screenshot(page, 'widget-keyboard');

    // Esc (from the input) closes the panel and focus returns to the launcher.
    await hook(page, 'input').focus();
    await page.keyboard.press('Escape');
    expect(await hook(page, 'panel').isHidden()).toBe(true);
    expect(await focusedHook(page)).toBe('launcher');
  });

  it('keeps its look on a host page whose CSP forbids inline styles', async () => {
    // An integrator with a strict policy: no inline <style> at all, scripts only from itself.
    await page.route(`${lumen.baseUrl}/strict-host`, (route) =>
      route.fulfill({
        status: 200,
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': "default-src 'self'; style-src 'self'; script-src 'self'",
        },
        body: '<!doctype html><html lang="en"><head><title>Strict</title></head><body><h1>Strict host</h1><script src="/widget.js" defer></script></body></html>',
      }),
    );
    await page.goto(`${lumen.baseUrl}/strict-host`);
    await hook(page, 'launcher').waitFor();
    const look = await hook(page, 'launcher').evaluate((launcher) => ({
      position: getComputedStyle(launcher).position,
      radius: getComputedStyle(launcher).borderTopLeftRadius,
    }));
    expect(look).toEqual({ position: 'fixed', radius: '999px' });
  });

  it('sends earlier turns with a follow-up question, streaming the answer', async () => {
    const bodies: { messages: { role: string; content: string }[]; stream?: boolean }[] = [];
    const contentTypes: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/chat')) bodies.push(request.postDataJSON());
    });
    page.on('response', (response) => {
      if (response.url().endsWith('/api/chat')) contentTypes.push(response.headers()['content-type'] ?? '');
    });
    await page.goto(`${lumen.baseUrl}/`);
    await openPanel(page);
    await ask(page, 'What is a military protective order?');
    await ask(page, 'Who can issue one?');
    expect(bodies).toHaveLength(2);
    expect(bodies[0]?.stream).toBe(true);
    expect(contentTypes[0]).toContain('text/event-stream');
    expect(bodies[1]?.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(bodies[1]?.messages[0]?.content).toBe('What is a military protective order?');
    expect(await page.locator('[data-lumen="answer"]').count()).toBe(1);
    expect(await page.locator('[data-lumen="earlier-answer"]').count()).toBe(1);
  });
});
