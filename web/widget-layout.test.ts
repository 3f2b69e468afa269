// How the widget looks and fits (issue 12): zoom to 200% and 400%, a 320 px phone, tap targets,
// forced colours, a host page that covers everything, folded notices, touch screens, landmarks, axe.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './test-support/axe.js';
import { screenshot, usePagePerTest, watchForErrors } from './test-support/browser.js';
import { type RunningLumen, useLumenPerFile } from './test-support/lumen-server.js';
import { ask, focusedHook, hook, openPanel } from './test-support/widget-page.js';

let lumen: RunningLumen;
let browser: Browser;
let page: Page;

useLumenPerFile((started) => (lumen = started));
usePagePerTest((opened) => ({ browser, page } = opened));

/** A context the size a zoomed or small screen gives in CSS pixels (zoom N% = viewport / N, device scale N). */
async function openAt(width: number, height: number, options: { scale?: number; touch?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: options.scale ?? 1,
    isMobile: options.touch ?? false,
    hasTouch: options.touch ?? false,
    reducedMotion: 'reduce',
  });
  const opened = await context.newPage();
  return { context, page: opened, errors: watchForErrors(opened) };
}

const CANNED = {
  status: 'answered',
  answer:
    'A full order of protection usually lasts between 180 days and one year [1]. It can be renewed before it ends [1].\n• The judge can make it last up to ten years in some cases [1].',
  citations: [
    {
      n: 1, docId: 'mo', docTitle: 'WomensLaw: Missouri Restraining Orders', sectionId: 'mo:x', sectionPath: ['Orders of Protection', 'How long does it last?'],
      locator: 'MO ST § 455.040(1)', quote: 'it will usually last for a period of time between 180 days and one year', url: 'https://www.womenslaw.org/laws/mo/restraining-orders', asOf: null,
    },
  ],
  hotlines: [],
  notices: [{ kind: 'dated_source', message: 'This source is undated in the saved text; the public pages carried dates from 2022 to 2024. Laws change: check with a local advocate or the court clerk before you rely on a date or a deadline.' }],
  disclaimer: 'This is legal information, not legal advice.',
};

describe('reflow (WCAG 1.4.10)', () => {
  for (const [zoom, width, height] of [
    [200, 640, 430],
    [400, 320, 215],
  ] as const) {
    it(`keeps the answer readable at ${zoom}% zoom (${width}×${height} CSS px)`, async () => {
      const opened = await openAt(width, height, { scale: zoom / 100 });
      await opened.page.goto(lumen.hostUrl);
      await openPanel(opened.page);
      const answer = await ask(opened.page, 'how long does a full order of protection last in Missouri');
      // No sideways scrolling, in the page or in the panel.
      const widths = await hook(opened.page, 'panel').evaluate((panel) => ({ panel: panel.scrollWidth - panel.clientWidth, page: document.documentElement.scrollWidth }));
      expect(widths.panel).toBeLessThanOrEqual(1);
      expect(widths.page).toBeLessThanOrEqual(width);
      // The fixed chrome (the sticky bar with Quick exit) leaves most of the screen to the conversation.
      const header = await hook(opened.page, 'panel').locator('.header').boundingBox();
      expect(header!.height).toBeLessThanOrEqual(56);
      await answer.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      const answerBox = await answer.boundingBox();
      const quickExit = await hook(opened.page, 'quick-exit').boundingBox();
      expect(quickExit!.y).toBeGreaterThanOrEqual(0); // Quick exit stays on screen
      const visible = Math.min(answerBox!.y + answerBox!.height, height) - Math.max(answerBox!.y, header!.y + header!.height);
      expect(visible).toBeGreaterThan(height * 0.6);
      await screenshot(opened.page, `widget-zoom-${zoom}`);
      expect(opened.errors).toEqual([]);
      await opened.context.close();
    });
  }

  it('at 320 px: hotline names whole, the dated-source notice folded after the first sentence', async () => {
    const opened = await openAt(320, 568, { touch: true });
    await opened.page.route('**/api/chat', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(CANNED) }));
    await opened.page.goto(lumen.hostUrl);
    await openPanel(opened.page);
    const cut = await hook(opened.page, 'hotlines').evaluate((strip) =>
      [...strip.querySelectorAll('.strip-name, .strip-phone')].filter((name) => name.scrollWidth > name.clientWidth + 1).map((name) => name.textContent),
    );
    expect(cut).toEqual([]);
    await hook(opened.page, 'hotlines').locator('.strip-more').click();
    const cards = await hook(opened.page, 'hotlines').locator('.hotline-name').evaluateAll((names) => names.filter((name) => name.scrollWidth > name.clientWidth + 1).length);
    expect(cards).toBe(0);
    await screenshot(opened.page, 'widget-320-hotlines');
    await hook(opened.page, 'hotlines').locator('.strip-more').click();
    const answer = await ask(opened.page, 'how long does it last');
    const order = await answer.evaluate((element) => {
      const text = element.querySelector('.answer-text');
      return [...(text?.children ?? [])].map((child) => child.tagName + (child.matches('[data-lumen="notices"]') ? ':notices' : ''));
    });
    expect(order[0]).toBe('P');
    expect(order[1]).toBe('DIV:notices');
    const details = answer.locator('[data-lumen="notices"] details');
    expect(await details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    expect(await answer.locator('.notice-text').isVisible()).toBe(false);
    await screenshot(opened.page, 'widget-320-answer');
    await details.locator('summary').click();
    expect(await answer.locator('.notice-text').isVisible()).toBe(true);
    expect(opened.errors).toEqual([]);
    await opened.context.close();
  });

  it('fits an emergency reply on a phone screen, with 911 once and no legal disclaimer', async () => {
    const opened = await openAt(375, 667, { touch: true });
    await opened.page.goto(lumen.hostUrl);
    await openPanel(opened.page);
    const answer = await ask(opened.page, 'he is outside my door right now and says he will kill me');
    expect(await answer.getAttribute('data-status')).toBe('emergency');
    expect(await answer.locator('a[href="tel:911"]').count()).toBe(1);
    expect((await answer.innerText()).match(/911/g)).toHaveLength(1);
    expect(await answer.locator('.disclaimer').count()).toBe(0);
    const box = await answer.boundingBox();
    const log = await opened.page.locator('.log').boundingBox();
    expect(box!.height).toBeLessThanOrEqual(log!.height);
    await screenshot(opened.page, 'widget-phone-emergency');
    await opened.context.close();
  });
});

describe('targets, colours and layers', () => {
  it('makes every control at least 44 px to tap', async () => {
    await page.route('**/api/chat', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(CANNED) }));
    await page.goto(lumen.hostUrl);
    await openPanel(page);
    const answer = await ask(page, 'how long does it last');
    await answer.locator('[data-lumen="citation"]').first().click();
    await hook(page, 'source').waitFor();
    const small = await hook(page, 'panel').evaluate(async (panel) => {
      const root = panel.getRootNode() as ShadowRoot;
      const tooSmall: string[] = [];
      // A citation marker sits in a line of text; its target reaches 22 px around its centre.
      for (const marker of panel.querySelectorAll<HTMLElement>('[data-lumen="citation"]')) {
        marker.scrollIntoView({ block: 'center' });
        const box = marker.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        for (const [dx, dy] of [[0, -21], [0, 21], [-21, 0], [21, 0]] as const) {
          const hit = root.elementFromPoint(x + dx, y + dy);
          if (hit !== marker) tooSmall.push(`citation marker at ${dx},${dy}: ${hit?.className}`);
        }
      }
      (panel.querySelector('.strip-more') as HTMLElement).click();
      for (const control of panel.querySelectorAll<HTMLElement>('button, a[href], summary')) {
        const box = control.getBoundingClientRect();
        if (box.width === 0 || control.closest('.answer-text p, .answer-text li')) continue; // inline text links and markers: below
        if (box.height < 44 || box.width < 44) tooSmall.push(`${control.className || control.tagName} ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
      return tooSmall;
    });
    expect(small).toEqual([]);
  });

  it('keeps outlines in forced-colours mode, and the input border at 3:1', async () => {
    await page.goto(lumen.hostUrl);
    await openPanel(page);
    const border = await hook(page, 'input').evaluate((input) => getComputedStyle(input).borderTopColor);
    const [r, g, b] = border.match(/\d+/g)!.map(Number);
    const channel = (value: number): number => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const luminance = 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    expect(1.05 / (luminance + 0.05)).toBeGreaterThanOrEqual(3);

    await page.emulateMedia({ forcedColors: 'active' });
    await ask(page, 'what is a military protective order');
    const outlines = await hook(page, 'panel').evaluate((panel) =>
      ['.panel', '.quick-exit', '.send', '.bubble.user', '.bubble.bot'].map((selector) => {
        const element = selector === '.panel' ? panel : panel.querySelector(selector)!;
        const style = getComputedStyle(element);
        return `${selector} ${style.borderTopStyle} ${parseFloat(style.borderTopWidth) > 0}`;
      }),
    );
    expect(outlines).toEqual(['.panel solid true', '.quick-exit solid true', '.send solid true', '.bubble.user solid true', '.bubble.bot solid true']);
    await screenshot(page, 'widget-forced-colors');
  });

  it('stays above a host banner at the highest z-index (top layer)', async () => {
    await page.route(`${lumen.baseUrl}/banner-host`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>Banner</title><style>
          .banner { position: fixed; inset: auto 0 0 0; height: 200px; z-index: 2147483647; background: #036; color: #fff; }
        </style></head><body><h1>Host</h1><div class="banner">Cookie banner</div><script src="/widget.js" defer></script></body></html>`,
      }),
    );
    await page.goto(`${lumen.baseUrl}/banner-host`);
    await hook(page, 'launcher').waitFor();
    await hook(page, 'launcher').click({ timeout: 3000 }); // Playwright refuses to click a covered element
    await hook(page, 'panel').waitFor();
    const onTop = await page.evaluate(() => {
      const launcher = document.querySelector('lumen-widget')!.shadowRoot!.querySelector('[data-lumen="launcher"]')!;
      const box = launcher.getBoundingClientRect();
      return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.tagName;
    });
    expect(onTop).toBe('LUMEN-WIDGET');
    await screenshot(page, 'widget-above-banner');
  });
});

describe('structure and focus', () => {
  it('adds no banner or contentinfo landmark, and axe finds nothing serious with an answer open', async () => {
    await page.goto(lumen.hostUrl);
    await openPanel(page);
    const answer = await ask(page, 'how long does a full order of protection last in Missouri');
    await answer.locator('[data-lumen="citation"]').first().click();
    await hook(page, 'source').waitFor();
    const landmarks = await page.evaluate(() => document.querySelector('lumen-widget')!.shadowRoot!.querySelectorAll('header, footer, [role="banner"], [role="contentinfo"]').length);
    expect(landmarks).toBe(0);
    expect(await seriousViolations(page, 'lumen-widget')).toEqual([]);
    expect(await hook(page, 'cover-tracks').count()).toBe(1);
  });

  it('does not focus the input on a touch screen, so no keyboard covers the welcome', async () => {
    const opened = await openAt(375, 667, { touch: true });
    await opened.page.goto(lumen.hostUrl);
    await openPanel(opened.page);
    expect(await focusedHook(opened.page)).toBe('panel');
    await screenshot(opened.page, 'widget-touch-open');
    await opened.context.close();
  });

  it('can show Quick exit while closed, first in the Tab order, counting Shift presses', async () => {
    await page.route(`${lumen.baseUrl}/exit-host`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>Host</title></head><body><a href="#a">First host link</a><h1>Host</h1>
          <script src="/widget.js" data-quick-exit="always" data-exit-url="/exit-test" defer></script></body></html>`,
      }),
    );
    await page.goto(`${lumen.baseUrl}/exit-host`);
    const floating = page.locator('.quick-exit.floating');
    await floating.waitFor();
    expect(await hook(page, 'panel').isHidden()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusedHook(page)).toBe('quick-exit');
    await page.locator('h1').click();
    await page.keyboard.press('Shift');
    expect(await floating.locator('.exit-count').innerText()).toBe('1/3');
    await page.keyboard.press('Shift');
    expect(await floating.locator('.exit-count').innerText()).toBe('2/3');
    await screenshot(page, 'widget-exit-always');
    await page.keyboard.press('a');
    expect(await floating.locator('.exit-count').innerText()).toBe('');
    await openPanel(page);
    expect(await floating.isVisible()).toBe(false);
    await hook(page, 'panel').locator('[data-lumen="quick-exit"]').click();
    await page.waitForURL(lumen.exitUrl);
  });
});
