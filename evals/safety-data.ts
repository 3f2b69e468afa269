import type { Embeddings } from '@langchain/core/embeddings';
import type { ChatMessage } from '../server/contract.js';
import { readingTexts, type SafetyParams } from '../server/safety/classifier.js';
import { SAFETY_LEVELS, type SafetyExample } from '../ingest/safety-examples.js';
import { unitVector } from '../server/retrieve/dot.js';
import { rankNeighbours, referenceSimilarities, type Neighbour, type Reference } from '../server/safety/neighbours.js';
import { safetyReading, type SafetyReading } from '../server/safety/sentences.js';

/** One example ready for scoring: how the classifier reads it, and the unit vectors of each text it reads. */
export interface EmbeddedExample {
  example: SafetyExample;
  reading: SafetyReading;
  /** Unit vectors of readingTexts(reading); the first is the whole message, which is also its reference vector. */
  vectors: Float32Array[];
}

/** The example as the one user message of a conversation. */
export function asMessages(example: SafetyExample): ChatMessage[] {
  return [{ role: 'user', content: example.text }];
}

/** Embeds every text of every example in one batched call (the encoder batches internally). */
export async function embedExamples(examples: SafetyExample[], embedder: Embeddings, params: SafetyParams): Promise<EmbeddedExample[]> {
  const readings = examples.map((example) => safetyReading(asMessages(example), params.contextWords));
  const texts = readings.map(readingTexts);
  const flat = await embedder.embedDocuments(texts.flat());
  let offset = 0;
  return examples.map((example, index) => {
    const vectors = flat.slice(offset, offset + texts[index].length).map(unitVector);
    offset += texts[index].length;
    return { example, reading: readings[index], vectors };
  });
}

/** The reference the classifier votes with: the whole-message vector of each example. */
export function referenceOf(embedded: EmbeddedExample[]): Reference {
  return { vectors: embedded.map((item) => item.vectors[0]), levels: embedded.map((item) => item.example.level) };
}

/**
 * Stratified folds: within each level, examples are dealt round-robin in file order, so every fold holds each
 * level in proportion and the assignment is deterministic (no seed to report).
 */
export function stratifiedFolds(examples: SafetyExample[], folds: number): number[] {
  const counters = Object.fromEntries(SAFETY_LEVELS.map((level) => [level, 0]));
  return examples.map((example) => {
    const fold = counters[example.level] % folds;
    counters[example.level] += 1;
    return fold;
  });
}

/** An example with each of its texts' neighbours ranked against a reference, and that reference. */
export interface RankedExample {
  item: EmbeddedExample;
  rankings: Neighbour[][];
  reference: Reference;
}

/** Ranks each example's texts against one reference. */
export function rankAgainst(embedded: EmbeddedExample[], reference: Reference, maxK: number): RankedExample[] {
  return embedded.map((item) => ({ item, reference, rankings: item.vectors.map((vector) => rankNeighbours(reference, referenceSimilarities(reference, vector), maxK)) }));
}

/** For k-fold cross-validation: each example ranked against the examples of the other folds only. */
export function rankOutOfFold(embedded: EmbeddedExample[], folds: number, maxK: number): RankedExample[] {
  const assignment = stratifiedFolds(embedded.map((item) => item.example), folds);
  const ranked: RankedExample[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const reference = referenceOf(embedded.filter((_, index) => assignment[index] !== fold));
    ranked.push(...rankAgainst(embedded.filter((_, index) => assignment[index] === fold), reference, maxK));
  }
  return ranked;
}
