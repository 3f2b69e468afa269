import { SAFETY_LEVELS, type SafetyLevel } from '../../ingest/safety-examples.js';

/** A score per level, each in [0, 1]. */
export type LevelScores = Record<SafetyLevel, number>;

/** Scores of zero for every level. */
export function zeroScores(): LevelScores {
  return Object.fromEntries(SAFETY_LEVELS.map((level) => [level, 0])) as LevelScores;
}

/** Scales a vector to unit length, so a dot product is the cosine. */
export function unit(vector: number[]): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return Float32Array.from(vector, (value) => value * scale);
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

/** The references ordered by cosine similarity to the query, closest first (all of them, so callers can cut at any k). */
export function rankNeighbours(reference: Reference, query: Float32Array, limit = reference.vectors.length): Neighbour[] {
  const ranked: Neighbour[] = reference.vectors.map((vector, index) => {
    let dot = 0;
    for (let dimension = 0; dimension < vector.length; dimension += 1) dot += vector[dimension] * query[dimension];
    return { index, similarity: dot };
  });
  ranked.sort((left, right) => right.similarity - left.similarity);
  return ranked.slice(0, limit);
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
