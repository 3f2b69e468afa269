// WCAG AA contrast of every piece of text the widget shows, measured in Chromium from computed styles:
// 4.5:1 for normal text, 3:1 for large text (24px, or 18.66px bold).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usePagePerTest } from './test-support/browser.js';
import { type RunningLumen, useLumenPerFile } from './test-support/lumen-server.js';
import { ask, hook, openPanel } from './test-support/widget-page.js';

interface TextContrast {
  text: string;
  ratio: number;
  required: number;
  /** Set when the text sits on a gradient or image, which has no single background colour. */
  onImage: boolean;
}

/** Runs in the page: the contrast of each visible text run in the widget against its effective background. */
function measureContrast(): TextContrast[] {
  type Rgba = [number, number, number, number];
  const parse = (value: string): Rgba => {
    const parts = value.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts.length > 3 ? parts[3]! : 1];
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const alpha = top[3] + bottom[3] * (1 - top[3]);
    if (alpha === 0) return [0, 0, 0, 0];
    const mix = (index: number) => (top[index]! * top[3] + bottom[index]! * bottom[3] * (1 - top[3])) / alpha;
    return [mix(0), mix(1), mix(2), alpha];
  };
  const luminance = ([r, g, b]: Rgba) => {
    const channel = (value: number) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const parentOf = (element: Element): Element | null => element.parentElement ?? ((element.getRootNode() as ShadowRoot).host || null);
  const background = (element: Element): { color: Rgba; onImage: boolean } => {
    const layers: Rgba[] = [];
    let onImage = false;
    for (let current: Element | null = element; current; current = parentOf(current)) {
      const style = getComputedStyle(current);
      if (style.backgroundImage !== 'none' && layers.every((layer) => layer[3] < 1)) onImage = true;
      const color = parse(style.backgroundColor);
      if (color[3] > 0) layers.push(color);
      if (color[3] >= 1) break;
    }
    let result: Rgba = [255, 255, 255, 1];
    for (const layer of layers.reverse()) result = over(layer, result);
    return { color: result, onImage };
  };
  const root = document.querySelector('lumen-widget')?.shadowRoot;
  if (!root) return [];
  const results: TextContrast[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    const element = node.parentElement;
    if (!text || !element) continue;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.height === 0 || Number(style.opacity) === 0) continue;
    // Screen-reader-only text (clipped to 1px) is not seen.
    if (box.width <= 1 || box.height <= 1) continue;
    const { color: back, onImage } = background(element);
    const fore = over(parse(style.color), back);
    const [light, dark] = [luminance(fore), luminance(back)].sort((left, right) => right - left);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    results.push({ text: text.slice(0, 40), ratio: (light! + 0.05) / (dark! + 0.05), required: large ? 3 : 4.5, onImage });
  }
  return results;
}

let lumen: RunningLumen;
let page: Page;

useLumenPerFile((started) => (lumen = started));
usePagePerTest((opened) => ({ page } = opened));

function expectAa(measured: TextContrast[]): void {
  const judged = measured.filter((entry) => !entry.onImage);
  expect(judged.length).toBeGreaterThan(10);
  const failing = judged.filter((entry) => entry.ratio < entry.required).map((entry) => `${entry.text} (${entry.ratio.toFixed(2)} < ${entry.required})`);
  expect(failing).toEqual([]);
}

describe('widget contrast (WCAG AA)', () => {
  it('passes for the launcher, the welcome panel and its hotlines', async () => {
    await page.goto(lumen.hostUrl);
    await hook(page, 'launcher').waitFor();
    await openPanel(page);
    expectAa(await page.evaluate(measureContrast));
  });

  it('passes for an answer with an opened citation, and for an emergency answer', async () => {
    await page.goto(lumen.hostUrl);
    await openPanel(page);
    const answer = await ask(page, 'how long does a full order of protection last in missouri');
    await answer.locator('[data-lumen="citation"]').first().click();
    await hook(page, 'source').first().waitFor();
    expectAa(await page.evaluate(measureContrast));
    await ask(page, 'he is outside my door right now and says he will kill me');
    expectAa(await page.evaluate(measureContrast));
  });
});
