import { dot } from '../retrieve/dot.js';
import { SAFETY_LEVELS, type SafetyLevel } from '../../ingest/safety-examples.js';

/** A score per level, each in [0, 1]. */
export type LevelScores = Record<SafetyLevel, number>;

/** Scores of zero for every level. */
export function zeroScores(): LevelScores {
  return Object.fromEntries(SAFETY_LEVELS.map((level) => [level, 0])) as LevelScores;
}

/** Labelled unit vectors to vote with. */
export interface Reference {
  vectors: Float32Array[];
  levels: SafetyLevel[];
}

/** One neighbour: which reference, how close. */
export interface Neighbour {
  index: number;
  similarity: number;
}

/** The unit query's cosine to each reference, by position. */
export function referenceSimilarities(reference: Reference, query: Float32Array): Float32Array {
  return Float32Array.from(reference.vectors, (vector) => dot(vector, query));
}

/**
 * The `perLevel` closest references of each level, closest first overall: all that `levelSimilarities` reads at
 * that k, without sorting every reference (a message's texts are each compared with all of them). `similarities`
 * are the query's cosines to the references, by position (referenceSimilarities, or one row of the index's matrix).
 */
export function rankNeighbours(reference: Reference, similarities: ArrayLike<number>, perLevel = Number.POSITIVE_INFINITY): Neighbour[] {
  const { levels } = reference;
  if (similarities.length !== levels.length) throw new Error(`rankNeighbours: ${similarities.length} similarities for ${levels.length} references`);
  const kept = new Map<SafetyLevel, Neighbour[]>();
  for (let index = 0; index < levels.length; index++) {
    const similarity = similarities[index];
    let list = kept.get(levels[index]);
    if (!list) kept.set(levels[index], (list = []));
    if (list.length >= perLevel && similarity <= list[list.length - 1].similarity) continue;
    // Insert in order (ties keep the earlier reference first), then drop the farthest beyond perLevel.
    let at = list.length;
    while (at > 0 && list[at - 1].similarity < similarity) at -= 1;
    list.splice(at, 0, { index, similarity });
    if (list.length > perLevel) list.pop();
  }
  return [...kept.values()].flat().sort((left, right) => right.similarity - left.similarity || left.index - right.index);
}

/**
 * Each level's prototype similarity: the mean cosine of the k nearest examples OF THAT LEVEL. Per level rather
 * than a vote among the k nearest overall, so the large none and disclosure sets cannot outvote a small alarm set.
 */
export function levelSimilarities(reference: Reference, neighbours: Neighbour[], k: number): LevelScores {
  const sums = zeroScores();
  const counts = zeroScores();
  for (const neighbour of neighbours) {
    const level = reference.levels[neighbour.index];
    if (counts[level] >= k) continue;
    sums[level] += neighbour.similarity;
    counts[level] += 1;
  }
  for (const level of SAFETY_LEVELS) sums[level] = counts[level] > 0 ? sums[level] / counts[level] : -1;
  return sums;
}
