import type { LlmCheckFailure } from '../llm-types.js';
import { analyse, type Condition, type Occurrence, type SentenceAnalysis } from './analyse.js';
import type { CueField } from './lexicon.js';
import { rolesAgree } from './roles.js';

/** Most content words a sentence may add to its cited passages, as a share of its own content words. */
export const MAX_INVENTED_SHARE = 0.2;
/** How many content words before a word still lend it their cues ("until your court hearing" covers "hearing"). */
const NEAR = 2;
/** Words either side that decide which of several uses of a word in the passages a sentence repeats. */
const CONTEXT = 3;

const FAILURE: Record<CueField, LlmCheckFailure> = { neg: 'negation_mismatch', modal: 'modality_mismatch', rel: 'relation_mismatch', quant: 'quantifier_mismatch' };

/** "protection" meets "protect", "transferred" meets "transfers"; numbers only meet themselves. */
function sameTerm(left: string, right: string): boolean {
  if (left === right) return true;
  if (left.startsWith('#') || right.startsWith('#')) return false;
  const [short, long] = left.length <= right.length ? [left, right] : [right, left];
  return short.length >= 5 && long.length - short.length <= 4 && long.startsWith(short);
}

interface Located {
  sentence: SentenceAnalysis;
  at: number;
}

const occurrencesOf = (sentences: SentenceAnalysis[], term: string): Located[] =>
  sentences.flatMap((sentence) => sentence.occurrences.flatMap((occurrence, at) => (sameTerm(occurrence.term, term) ? [{ sentence, at }] : [])));
const hasTerm = (terms: Iterable<string>, term: string) => [...terms].some((other) => sameTerm(other, term));

/** The values a cue field takes on a word and the few words before it in its clause. */
function near({ sentence, at }: Located, field: CueField): Set<string> {
  const values = new Set<string>();
  const { clause } = sentence.occurrences[at];
  for (let index = Math.max(0, at - NEAR); index <= at; index++) {
    const value = sentence.occurrences[index].clause === clause ? sentence.occurrences[index].own[field] : undefined;
    if (value) values.add(value);
  }
  return values;
}

/** Shared neighbours: which use of a word in the passages a sentence's use of it lines up with. */
function similarity(left: Located, right: Located): number {
  const context = ({ sentence, at }: Located) => sentence.occurrences.filter((_, index) => index !== at && Math.abs(index - at) <= CONTEXT).map((occurrence) => occurrence.term);
  const theirs = context(right);
  return context(left).filter((term) => theirs.some((other) => sameTerm(term, other))).length;
}

/**
 * Why a sentence says something its cited passages do not, or undefined when every check passes:
 * numbers, invented words, who does what to whom, the cues on each word (negation, modality, time and
 * amount relations, quantifiers), conditions and "only". Deterministic, and it refuses when unsure.
 */
export function faithfulnessFailure(sentence: string, cited: string): LlmCheckFailure | undefined {
  const sources = analyse(cited);
  const claims = analyse(sentence);
  if (claims.length === 0) return 'unsupported';
  for (const claim of claims) {
    const failure = numberFailure(claim, sources) ?? coverageFailure(claim, sources) ?? (rolesAgree(claim.roles, sources.map((source) => source.roles)) ? undefined : 'role_mismatch');
    const found = failure ?? cueFailure(claim, sources) ?? conditionFailure(claim, sources);
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

function coverageFailure(claim: SentenceAnalysis, sources: SentenceAnalysis[]): LlmCheckFailure | undefined {
  const terms = [...claim.terms];
  if (terms.length === 0) return claim.occurrences.length > 0 ? undefined : 'unsupported';
  const citedTerms = new Set(sources.flatMap((source) => [...source.terms]));
  const invented = terms.filter((term) => !hasTerm(citedTerms, term)).length;
  return invented / terms.length > MAX_INVENTED_SHARE ? 'unsupported' : undefined;
}

/** The cues on each word agree with the passages, in both directions. */
function cueFailure(claim: SentenceAnalysis, sources: SentenceAnalysis[]): LlmCheckFailure | undefined {
  const fields = (occurrence: Occurrence) => Object.entries(occurrence.own) as Array<[CueField, string]>;
  // What the sentence adds: each cue it puts on a word must be on the use of that word it repeats.
  for (const [at, occurrence] of claim.occurrences.entries()) {
    if (fields(occurrence).length === 0) continue;
    const mine: Located = { sentence: claim, at };
    const uses = occurrencesOf(sources, occurrence.term);
    if (uses.length === 0) {
      // A word the passages lack: at least the same cue must occur there.
      const missing = fields(occurrence).find(([field, value]) => !sources.some((source) => source.occurrences.some((other) => other.own[field] === value)));
      if (missing) return FAILURE[missing[0]];
      continue;
    }
    const best = Math.max(...uses.map((use) => similarity(mine, use)));
    const aligned = uses.filter((use) => similarity(mine, use) === best);
    const failing = (use: Located) => fields(occurrence).find(([field, value]) => !near(use, field).has(value));
    if (aligned.every((use) => failing(use))) return FAILURE[failing(aligned[0])![0]];
  }
  // What the sentence drops: a cue in the passages whose words the sentence repeats must be repeated too.
  for (const source of sources) {
    for (const occurrence of source.occurrences) {
      if (occurrence.anchor === undefined) continue;
      // The sentence repeats the relation when it has the cue's word with its anchor close by.
      const anchors = claim.occurrences.flatMap((other, at) => (other.term === occurrence.anchor ? [at] : []));
      const beside = (at: number) => anchors.some((anchor) => (occurrence.anchorAfter ? anchor > at : anchor < at) && Math.abs(anchor - at) <= CONTEXT);
      const mine = claim.occurrences.flatMap((other, at) => (other.term === occurrence.term && beside(at) ? [{ sentence: claim, at }] : []));
      if (mine.length === 0) continue;
      const dropped = fields(occurrence).find(([field, value]) => !mine.some((use) => near(use, field).has(value)));
      if (dropped) return FAILURE[dropped[0]];
    }
  }
  // A word the passages only ever negate ("no contact") cannot appear plain.
  for (const term of claim.terms) {
    const negated = claim.occurrences.some((occurrence, at) => sameTerm(occurrence.term, term) && near({ sentence: claim, at }, 'neg').size > 0);
    const uses = occurrencesOf(sources, term);
    if (!negated && uses.length > 0 && uses.every(({ sentence, at }) => sentence.occurrences[at].own.neg)) return 'negation_mismatch';
  }
  return undefined;
}

/** Conditions ("if", "unless", "only if") and "only" are neither added nor dropped. */
function conditionFailure(claim: SentenceAnalysis, sources: SentenceAnalysis[]): LlmCheckFailure | undefined {
  const shared = (terms: Iterable<string>, other: Set<string>) => [...terms].filter((term) => hasTerm(other, term)).length;
  for (const condition of claim.conditions) {
    const matched = sources.some((source) =>
      source.conditions.some((other) => other.kind === condition.kind && shared(condition.terms, other.terms) >= Math.ceil(condition.terms.size / 2)),
    );
    if (!matched) return 'condition_mismatch';
  }
  // A cited sentence whose main clause the claim mostly repeats.
  const uses = (terms: Set<string>) => {
    const overlap = shared(claim.allTerms, terms);
    return overlap >= 2 && overlap >= Math.ceil(claim.allTerms.size / 2);
  };
  for (const source of sources) {
    if (!uses(new Set([...source.allTerms].filter((term) => !source.conditionTerms.has(term))))) continue;
    const kept = (condition: Condition) =>
      claim.conditions.some((other) => other.kind === condition.kind && (condition.terms.size === 0 || shared(other.terms, condition.terms) > 0)) ||
      // "If the judge grants you an order, it lasts..." may be retold as "an order the judge grants lasts...".
      (condition.terms.size > 0 && shared(condition.terms, claim.allTerms) >= Math.ceil(condition.terms.size / 2) && !claim.conditions.some((other) => other.kind !== condition.kind));
    // "when A or when B": keeping one alternative keeps the claim true.
    const chains: Condition[][] = [];
    for (const condition of source.conditions) (condition.alternative && chains.length > 0 ? chains[chains.length - 1] : (chains[chains.length] = [])).push(condition);
    if (chains.some((chain) => !chain.some(kept))) return 'condition_mismatch';
    if (source.only && !claim.only) return 'quantifier_mismatch';
  }
  if (claim.only) {
    const overlaps = sources.map((source) => shared(claim.allTerms, source.allTerms));
    const best = Math.max(0, ...overlaps);
    if (!sources.some((source, index) => source.only && overlaps[index] === best)) return 'quantifier_mismatch';
  }
  return undefined;
}
