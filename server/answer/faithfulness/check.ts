import type { LlmCheckFailure } from '../llm-types.js';
import { analyse, type SentenceAnalysis } from './analyse.js';
import { conditionFailure, coordinationFailure } from './conditions.js';
import { cueFailure, verbSideFailure } from './cues.js';
import { rolesAgree } from './roles.js';
import { hasTerm } from './words.js';

/** Most content words a sentence may add to its cited passages, as a share of its own content words. */
export const MAX_INVENTED_SHARE = 0.2;

/**
 * Why a sentence says something its cited passages do not, or undefined when every check passes:
 * numbers, invented words, who does what to whom, the cues on each word (negation, modality, time and
 * amount relations, quantifiers), conditions, "only", and "and" against "or". Deterministic, and it refuses when unsure.
 */
export function faithfulnessFailure(sentence: string, cited: string): LlmCheckFailure | undefined {
  const sources = analyse(cited);
  const claims = analyse(sentence);
  if (claims.length === 0) return 'unsupported';
  for (const claim of claims) {
    const failure = numberFailure(claim, sources) ?? coverageFailure(claim, sources) ?? (rolesAgree(claim.roles, sources.map((source) => source.roles)) ? undefined : 'role_mismatch');
    const found = failure ?? cueFailure(claim, sources) ?? verbSideFailure(claim, sources) ?? conditionFailure(claim, sources) ?? coordinationFailure(claim, sources);
    if (found) return found;
  }
  return undefined;
}

/** Every number the sentence states, with its unit, is in the cited passages: "ten years" is not "one year". */
function numberFailure(claim: SentenceAnalysis, sources: SentenceAnalysis[]): LlmCheckFailure | undefined {
  const cited = sources.flatMap((source) => source.occurrences.filter((occurrence) => occurrence.term.startsWith('#')));
  for (const number of claim.occurrences.filter((occurrence) => occurrence.term.startsWith('#'))) {
    const same = cited.filter((other) => other.term === number.term || (number.term.startsWith('#ref:') && other.term.startsWith(`${number.term}(`)));
    if (same.length === 0 || (number.unit && !same.some((other) => other.unit === number.unit))) return 'number_not_in_passage';
  }
  return undefined;
}

/** Few words of the sentence are missing from its cited passages: the rest would be invented. */
function coverageFailure(claim: SentenceAnalysis, sources: SentenceAnalysis[]): LlmCheckFailure | undefined {
  const terms = [...claim.terms];
  if (terms.length === 0) return claim.occurrences.length > 0 ? undefined : 'unsupported';
  const citedTerms = new Set(sources.flatMap((source) => [...source.terms]));
  const invented = terms.filter((term) => !hasTerm(citedTerms, term));
  if (invented.length / terms.length > MAX_INVENTED_SHARE) return 'unsupported';
  return invented.some((term) => swapsAWord(claim, sources, term)) ? 'unsupported' : undefined;
}

/**
 * An invented word standing where a passage has another word between the same two neighbours:
 * "low-income" retold as "high-income". A synonym is refused with it; the extractive answer is safe.
 */
function swapsAWord(claim: SentenceAnalysis, sources: SentenceAnalysis[], term: string): boolean {
  const words = claim.occurrences.filter((occurrence) => !occurrence.light);
  const at = words.findIndex((occurrence) => occurrence.term === term);
  const before = words[at - 1]?.term;
  const after = words[at + 1]?.term;
  if (before === undefined || after === undefined) return false;
  return sources.some((source) => {
    const theirs = source.occurrences.filter((occurrence) => !occurrence.light).map((occurrence) => occurrence.term);
    return theirs.some((word, index) => word === before && theirs[index + 2] === after && !claim.terms.has(theirs[index + 1]));
  });
}

