import type { ChatMessage } from '../contract.js';
import { DEFAULT_PARAMS, type Params } from '../pipeline/params.js';
import type { SafetyExample } from '../../ingest/safety-examples.js';
import { gatherEvidence, isAlarm, levelFromEvidence, type SafetyParams, type SafetyResult } from './evidence.js';
import { unitVector } from '../retrieve/dot.js';
import { rankNeighbours, referenceSimilarities, type Neighbour, type Reference } from './neighbours.js';
import { safetyReading, type SafetyReading } from './sentences.js';

export { gatherEvidence, isAlarm, levelFromEvidence, type SafetyEvidence, type SafetyParams, type SafetyResult } from './evidence.js';

/** The texts `classify` expects embeddings for, in order; the caller embeds them in ONE encoder call. */
export function readingTexts(reading: SafetyReading): string[] {
  const texts = [reading.latest];
  if (reading.sentences.length > 1) texts.push(...reading.sentences);
  if (reading.previous) texts.push(reading.previous);
  return texts;
}

/** The texts to embed for the latest user message (see readingTexts), under the given safety params. */
export function safetyTexts(messages: ChatMessage[], params: SafetyParams = DEFAULT_PARAMS.safety): string[] {
  return readingTexts(safetyReading(messages, params.contextWords));
}

/** Inputs to `decideSafety`: the reading and, per text of readingTexts, its neighbours. */
export interface DecideInput {
  reading: SafetyReading;
  rankings: Neighbour[][];
  reference: Reference;
  params: SafetyParams;
}

/** Classifies the latest message from ranked neighbours, reading a bare short reply with the turn before it. */
export function decideSafety({ reading, rankings, reference, params }: DecideInput): SafetyResult {
  const texts = readingTexts(reading);
  const latestCount = rankings.length - (reading.previous ? 1 : 0);
  const latest = levelFromEvidence(gatherEvidence({ texts: texts.slice(0, latestCount), rankings: rankings.slice(0, latestCount), reference, k: params.k, presentBonus: params.presentBonus, latest: reading.latest, sentences: reading.sentences }), params);
  if (!reading.previous || latest.byPattern) return latest;
  // A bare "yes" or "hes still here" after an alarm carries the alarm on, whatever its few words are nearest to
  // alone ("still here" is near "I won't be here" too); only what a pattern reads outright in the reply itself
  // ("i want to die") stands on its own. The earlier turn is context only, so anything longer (a legal follow-up
  // after an emergency) is read on its own.
  const previousText = reading.previous;
  const previous = levelFromEvidence(gatherEvidence({ texts: [previousText], rankings: rankings.slice(-1), reference, k: params.k, presentBonus: params.presentBonus, latest: previousText, sentences: [previousText] }), params);
  // Never downgrades: a short reply read as an alarm after a fear turn stays an alarm.
  if (isAlarm(previous.level) || (previous.level === 'fear' && !isAlarm(latest.level))) {
    return { level: previous.level, reasons: [`a short reply after a ${previous.level} turn`, ...previous.reasons], scores: latest.scores, asks: latest.asks };
  }
  return latest;
}

/** What `createSafetyClassifier` needs: the labelled examples, their vectors in the same order, and the params. */
export interface SafetyClassifierOptions {
  examples: SafetyExample[];
  vectors: number[][];
  params?: Params | SafetyParams;
}

/** A safety classifier over labelled example vectors; see `classify`. */
export interface SafetyClassifier {
  /** The texts to embed for these messages, in the order `classify` expects them. */
  texts(messages: ChatMessage[]): string[];
  /**
   * Classifies the latest user message, with earlier turns as context; `embeddings` are of `texts(messages)`.
   * `similarities`, when given, are each embedding's cosines to the examples in their order (rows of the index's
   * matrix of safety examples, which the server's alarm guard reads again); otherwise they are computed here.
   */
  classify(input: { messages: ChatMessage[]; embeddings: number[][]; similarities?: ArrayLike<number>[] }): SafetyResult;
}

/** Builds the classifier: nearest labelled examples by cosine, plus the short list of patterns that must not miss. */
export function createSafetyClassifier(options: SafetyClassifierOptions): SafetyClassifier {
  if (options.examples.length !== options.vectors.length) {
    throw new Error(`createSafetyClassifier: ${options.examples.length} examples but ${options.vectors.length} vectors`);
  }
  const given = options.params ?? DEFAULT_PARAMS;
  const params: SafetyParams = 'safety' in given ? given.safety : given;
  const reference: Reference = { vectors: options.vectors.map(unitVector), levels: options.examples.map((example) => example.level) };
  return {
    texts: (messages) => safetyTexts(messages, params),
    classify({ messages, embeddings, similarities }) {
      const reading = safetyReading(messages, params.contextWords);
      const expected = readingTexts(reading).length;
      if (embeddings.length !== expected) throw new Error(`classify: expected ${expected} embeddings (of texts(messages)), got ${embeddings.length}`);
      if (similarities && similarities.length !== embeddings.length) throw new Error(`classify: ${similarities.length} similarity rows for ${embeddings.length} embeddings`);
      const rankings = embeddings.map((vector, position) => rankNeighbours(reference, similarities?.[position] ?? referenceSimilarities(reference, unitVector(vector)), params.k));
      return decideSafety({ reading, rankings, reference, params });
    },
  };
}
