import { beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../runtime.js';
import { getTestRuntime } from '../testing/test-runtime.js';
import { understand } from './understand.js';

let runtime: Runtime;
beforeAll(async () => {
  runtime = await getTestRuntime();
});

const planOf = (content: string) => understand([{ role: 'user', content }], { index: runtime.snapshot.search, placesIn: runtime.snapshot.placesIn });

describe('understand: the sentences that ask', () => {
  it('focuses on the asking sentence of a lower-case message, as of a capitalised one', () => {
    const lower = planOf('we were married 6 years and he hit me. how do i end the order later?');
    const capitalised = planOf('We were married 6 years and he hit me. How do I end the order later?');
    expect(lower.focus).toBe('how do i end the order later?');
    expect(capitalised.focus).toBe('How do I end the order later?');
  });
  it('keeps the whole message when the asking sentence names nothing ("what can i do?" leans on the sentence before)', () => {
    const message = 'he came to my work even though i have an order. what can i do?';
    expect(planOf(message).focus).toBe(message);
  });
  it('keeps a one-sentence message whole', () => {
    expect(planOf('can an ex parte order be extended').focus).toBe('can an ex parte order be extended');
  });
});
