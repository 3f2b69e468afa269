import type { RetrievedSection } from '../retrieve/retrieve.js';
import { contentTerms } from '../retrieve/terms.js';
import { coverage, type WeightedTerm } from './query-terms.js';

export type Verdict = 'answered' | 'not_found' | 'out_of_scope';

/** Why retrieval was judged good enough (or not) to answer. */
export interface Evidence {
  verdict: Verdict;
  /** How much of the question's own weight the best sections cover. */
  coverage: number;
  /** Best cosine similarity between the question and a passage. */
  similarity: number;
  /** Words of the question found nowhere in the documents. */
  unknownTerms: string[];
}

/** Below this, no single sentence covers enough of the question to quote it as the answer. */
export const MIN_LEAD_SCORE = 0.2;
/** Below this, the best sentence covers under a third of the question: an answer only if every word is one the documents use. */
const WEAK_LEAD_SCORE = 0.3;
/** Below this cosine similarity the question is far from every passage. */
const FAR_SIMILARITY = 0.3;

/**
 * Decides from the retrieval evidence whether the documents answer the question: the best sentence's
 * coverage of the question (leadScore), how close the nearest passage is, and how many of the
 * question's words the documents never use.
 */
export function assessEvidence(options: {
  terms: WeightedTerm[];
  retrieved: RetrievedSection[];
  vectorsUsed: boolean;
  leadScore: number;
  /** Stemmed words naming places; the jurisdiction check, not this one, judges those. */
  placeTerms?: Set<string>;
}): Evidence {
  const { terms, retrieved } = options;
  const own = terms.filter((term) => term.own);
  const unknownTerms = own.filter((term) => term.unknown).map((term) => term.term);
  const top = retrieved.slice(0, 3);
  const similarity = Math.max(0, ...top.map((entry) => entry.similarity));
  const covered = new Set(top.flatMap((entry) => contentTerms(`${entry.section.path.join(' ')} ${entry.section.text} ${entry.section.cites.join(' ')} ${entry.section.locator}`)));
  const evidence = { coverage: coverage(own, covered), similarity, unknownTerms };
  if (top.length === 0 || own.length === 0) return { ...evidence, verdict: 'out_of_scope' };
  const unknownShare = unknownTerms.length / own.length;
  // Without vectors there is no similarity to read; judge on the words alone.
  const far = options.vectorsUsed && similarity < FAR_SIMILARITY;
  // Far in meaning and half its words unknown to the documents: another subject, however a sentence happens to
  // share its remaining words ("last year" in a question about sport); with fewer unknown words, a strong lead wins.
  if (far && (unknownShare >= 0.5 || (unknownShare >= 0.25 && options.leadScore < 0.5))) return { ...evidence, verdict: 'out_of_scope' };
  if (options.leadScore < MIN_LEAD_SCORE) return { ...evidence, verdict: far ? 'out_of_scope' : 'not_found' };
  // A weak best sentence and a word the documents never use ("TRICARE", "VA"): the unmatched part is
  // likely the subject of the question, which the documents do not cover.
  const topicalUnknown = unknownTerms.filter((term) => !options.placeTerms?.has(term));
  if (options.leadScore < WEAK_LEAD_SCORE && topicalUnknown.length > 0) return { ...evidence, verdict: far ? 'out_of_scope' : 'not_found' };
  return { ...evidence, verdict: 'answered' };
}
