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
  /** Words of the question found nowhere in the documents (e.g. another state's name). */
  unknownTerms: string[];
}

/** Decides from the retrieval evidence whether the documents answer the question. */
export function assessEvidence(options: { terms: WeightedTerm[]; retrieved: RetrievedSection[]; vectorsUsed: boolean }): Evidence {
  const { terms, retrieved } = options;
  const own = terms.filter((term) => term.own);
  const unknownTerms = own.filter((term) => term.unknown).map((term) => term.term);
  const top = retrieved.slice(0, 3);
  const similarity = Math.max(0, ...top.map((entry) => entry.similarity));
  const covered = new Set(top.flatMap((entry) => contentTerms(`${entry.section.path.join(' ')} ${entry.section.text} ${entry.section.cites.join(' ')} ${entry.section.locator}`)));
  const ownCoverage = coverage(own, covered);
  const allCoverage = coverage(terms, covered);
  const evidence = { coverage: ownCoverage, similarity, unknownTerms };
  if (top.length === 0 || own.length === 0) return { ...evidence, verdict: 'out_of_scope' };
  // A substantive word that appears nowhere in the documents (a state, an agency, a topic they never
  // mention) means they cannot answer, however well the rest of the question matches.
  const unknownMass = own.filter((term) => term.unknown).reduce((sum, term) => sum + term.idf, 0);
  const ownMass = own.reduce((sum, term) => sum + term.idf, 0);
  const unknownShare = unknownMass / ownMass;
  const vectorScore = options.vectorsUsed ? similarity : 0.45;
  if (ownCoverage < 0.2 && vectorScore < 0.3) return { ...evidence, verdict: 'out_of_scope' };
  if (unknownShare >= 0.5 && vectorScore < 0.45) return { ...evidence, verdict: ownCoverage < 0.25 ? 'out_of_scope' : 'not_found' };
  if (unknownShare > 0.15) return { ...evidence, verdict: 'not_found' };
  if (ownCoverage >= 0.4 || (allCoverage >= 0.35 && vectorScore >= 0.3) || vectorScore >= 0.5) return { ...evidence, verdict: 'answered' };
  return { ...evidence, verdict: 'not_found' };
}
