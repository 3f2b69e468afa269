import { expect } from 'vitest';
import type { ChatResponse } from './contract.js';
import { chatResponseSchema } from './contract.js';
import { FRAMING_LINES } from './pipeline/render.js';

/** Asserts the contract every answer keeps: schema, every [n] names a citation, every citation used, answered means cited. */
export function expectContract(response: ChatResponse): void {
  expect(chatResponseSchema.safeParse(response).success).toBe(true);
  const used = new Set([...response.answer.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1])));
  const numbers = new Set(response.citations.map((citation) => citation.n));
  for (const n of used) expect(numbers.has(n), `[${n}] has no citation`).toBe(true);
  for (const n of numbers) expect(used.has(n), `citation ${n} is never used`).toBe(true);
  expect(response.citations.map((citation) => citation.n)).toEqual(response.citations.map((_, index) => index + 1));
  if (response.status === 'answered') {
    expect(response.citations.length).toBeGreaterThan(0);
    // Every answer line ends with its citation marker(s), but the renderer's own framing lines (low confidence, safety).
    for (const line of response.answer.split('\n').filter((text) => text.trim() && !FRAMING_LINES.includes(text.trim()))) expect(line).toMatch(/\[\d+\]$/);
  } else {
    expect(response.hotlines.length).toBeGreaterThan(0);
  }
  // An emergency reply carries nothing legal, not even the disclaimer.
  if (response.status === 'emergency') expect(response.disclaimer).toBe('');
  else expect(response.disclaimer).toMatch(/legal information, not legal advice/i);
}
