import { describe, expect, it } from 'vitest';
import { topHits, topPositions } from './top-k.js';

/** A small deterministic generator, so a failure names a case that can be run again. */
function generator(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('top-k selection', () => {
  it('gives what a stable sort of every item would, ties and filters included', () => {
    const random = generator(7);
    for (let round = 0; round < 300; round++) {
      const items = Array.from({ length: Math.floor(random() * 80) }, () => Math.floor(random() * 1000));
      // Few distinct scores, so many ties.
      const scoreOf = (item: number) => (item % 7) / 2;
      const keep = round % 3 === 0 ? (item: number) => item % 5 !== 0 : undefined;
      const limit = Math.floor(random() * 25);
      const expected = items
        .filter((item) => !keep || keep(item))
        .map((item) => ({ chunkIndex: item, score: scoreOf(item) }))
        .sort((left, right) => right.score - left.score)
        .slice(0, limit);
      expect(topHits(items, scoreOf, limit, keep)).toEqual(expected);
    }
  });

  it('ranks positions by score with earlier positions first among equals', () => {
    const scores = [0.5, 0.9, 0.5, 0.1, 0.9, 0.7];
    expect(topPositions(scores.length, (at) => scores[at], 4)).toEqual([
      { chunkIndex: 1, score: 0.9 },
      { chunkIndex: 4, score: 0.9 },
      { chunkIndex: 5, score: 0.7 },
      { chunkIndex: 0, score: 0.5 },
    ]);
    expect(topPositions(scores.length, (at) => scores[at], 2, (at) => at % 2 === 0)).toEqual([
      { chunkIndex: 4, score: 0.9 },
      { chunkIndex: 0, score: 0.5 },
    ]);
  });

  it('returns nothing for no items or a limit of zero, and every item for a limit beyond them', () => {
    expect(topPositions(0, () => 1, 5)).toEqual([]);
    expect(topPositions(3, () => 1, 0)).toEqual([]);
    expect(topPositions(3, (at) => at, Number.POSITIVE_INFINITY).map((hit) => hit.chunkIndex)).toEqual([2, 1, 0]);
  });
});
