import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadHotlines } from '../../ingest/corpus.js';
import { dangerNowText, notFoundText, safetyLine, selfHarmText } from './fallback-text.js';
import { pickHotlines } from './hotline-picker.js';

const hotlines = loadHotlines(fileURLToPath(new URL('../../corpus', import.meta.url)));
const picked = (text: string, level: 'danger_now' | 'self_harm') => pickHotlines(hotlines, { text, docIds: [], emergency: false, selfHarm: false, answered: false, level });
const count = (text: string, word: string) => text.split(word).length - 1;

describe('emergency wording', () => {
  it('danger now: 911 first, once, in one short sentence, then the fitting line, and nothing legal', () => {
    const text = dangerNowText(picked('my husband is a soldier and he is here with a gun', 'danger_now'));
    const [first, second] = text.split('\n');
    expect(first).toMatch(/^Please call 911 now/);
    expect(first.split(/\s+/).length).toBeLessThanOrEqual(10);
    expect(second).toContain('Military OneSource');
    expect(count(text, '911')).toBe(1);
    expect(text).not.toMatch(/legal|law|court|order/i);
  });

  it('danger now that also reads as self-harm: 911 first, then 988, then the fitting line', () => {
    const chosen = pickHotlines(hotlines, { text: 'my sister took all her pills and wont wake up', docIds: [], emergency: true, selfHarm: true, answered: false, level: 'danger_now' });
    const lines = dangerNowText(chosen).split('\n');
    expect(lines[0]).toMatch(/^Please call 911 now/);
    expect(lines[1]).toMatch(/call or text 988/);
    expect(lines[2]).toContain('National Domestic Violence Hotline');
    expect(dangerNowText(picked('he is outside with a gun', 'danger_now'))).not.toContain('988');
  });

  it('self-harm: 988 first (call or text), then 911 (an overdose taken included), then the domestic violence hotline', () => {
    const text = selfHarmText(picked('i want to die', 'self_harm'));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/call or text 988/);
    expect(lines[1]).toMatch(/^If you are in immediate danger, or you or someone with you has taken too many pills or is hurt, call 911 now\.$/);
    expect(lines[2]).toContain('National Domestic Violence Hotline');
    expect(count(text, '911')).toBe(1);
  });

  it('has a one-line safety line for fear and disclosure answers', () => {
    expect(safetyLine()).toBe('If you are in danger now, call 911 if it is safe to do so.');
  });

  it('keeps the not-found text', () => {
    expect(notFoundText({ hotlines: [], uncoveredPlaces: [], outOfScope: false })).toMatch(/could not find an answer/);
  });
});
