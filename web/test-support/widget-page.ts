import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** How long a real answer may take on this 2-core machine (retrieval + embedding). */
export const ANSWER_TIMEOUT_MS = 60_000;

/** Locator for a widget hook; Playwright's CSS engine pierces the open shadow root. */
export function hook(page: Page, name: string): Locator {
  return page.locator(`[data-lumen="${name}"]`);
}

/** Opens the panel with the launcher and waits for the input to have focus. */
export async function openPanel(page: Page): Promise<void> {
  await hook(page, 'launcher').click();
  await hook(page, 'panel').waitFor({ state: 'visible' });
}

/** Types a question, sends it with Enter and waits for the finished answer element. */
export async function ask(page: Page, question: string): Promise<Locator> {
  await hook(page, 'input').fill(question);
  await hook(page, 'input').press('Enter');
  const answer = page.locator('[data-lumen="answer"][aria-busy="false"]');
  await answer.waitFor({ timeout: ANSWER_TIMEOUT_MS });
  return answer;
}

/** Name of the focused element's data-lumen hook, looking inside the widget's shadow root. */
export async function focusedHook(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.getAttribute('data-lumen') ?? null;
  });
}

/** Asserts the panel lies inside the viewport and the page cannot scroll sideways. */
export async function expectFitsViewport(page: Page, width: number): Promise<void> {
  const box = await hook(page, 'panel').boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width + 0.5);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width);
}
