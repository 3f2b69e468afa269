import { describe, expect, it } from 'vitest';
import { topOfScores } from './top-k.js';

/** A small deterministic generator, so a failure names a case that can be run again. */
function generator(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('top-k selection', () => {
  it('gives what a stable sort of every position would, ties and filters included', () => {
    const random = generator(7);
    for (let round = 0; round < 600; round++) {
      // Few distinct scores, so many ties; some rounds long enough that most positions are never kept.
      const length = Math.floor(random() * (round % 2 === 0 ? 80 : 2000));
      const scores = Float64Array.from({ length }, () => Math.floor(random() * 7) / 2 - 1);
      const keep = round % 3 === 0 ? (position: number) => position % 5 !== 0 : undefined;
      const limit = Math.floor(random() * (round % 4 === 0 ? 120 : 25));
      const expected = Array.from(scores, (score, position) => ({ chunkIndex: position, score }))
        .filter((hit) => !keep || keep(hit.chunkIndex))
        .sort((left, right) => right.score - left.score)
        .slice(0, limit);
      expect(topOfScores(scores, limit, keep)).toEqual(expected);
    }
  });

  it('ranks positions by score with earlier positions first among equals', () => {
    const scores = Float64Array.of(0.5, 0.9, 0.5, 0.1, 0.9, 0.7);
    expect(topOfScores(scores, 4)).toEqual([
      { chunkIndex: 1, score: 0.9 },
      { chunkIndex: 4, score: 0.9 },
      { chunkIndex: 5, score: 0.7 },
      { chunkIndex: 0, score: 0.5 },
    ]);
    expect(topOfScores(scores, 2, (at) => at % 2 === 0)).toEqual([
      { chunkIndex: 4, score: 0.9 },
      { chunkIndex: 0, score: 0.5 },
    ]);
  });

  it('reads only the first `count` scores, and asks `keep` only about positions good enough to enter', () => {
    const scores = Float32Array.of(0.2, 0.4, 0.3, 0.9, 0.8);
    expect(topOfScores(scores, 5, undefined, 3).map((hit) => hit.chunkIndex)).toEqual([1, 2, 0]);
    const asked: number[] = [];
    topOfScores(Float64Array.of(5, 4, 3, 2, 1, 6), 2, (position) => (asked.push(position), true));
    expect(asked).toEqual([0, 1, 5]);
  });

  it('returns nothing for no scores or a limit of zero, and every position for a limit beyond them', () => {
    expect(topOfScores(new Float64Array(0), 5)).toEqual([]);
    expect(topOfScores(Float64Array.of(1, 1, 1), 0)).toEqual([]);
    expect(topOfScores(Float64Array.of(0, 1, 2), Number.POSITIVE_INFINITY).map((hit) => hit.chunkIndex)).toEqual([2, 1, 0]);
  });
});
