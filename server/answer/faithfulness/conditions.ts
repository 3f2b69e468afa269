import type { LlmCheckFailure } from '../llm-types.js';
import type { Condition, SentenceAnalysis } from './analyse.js';
import { hasTerm, sameTerm } from './words.js';

/** Conditions ("if", "unless", "only if") and "only" are neither added nor dropped. */
export function conditionFailure(claim: SentenceAnalysis, sources: SentenceAnalysis[]): LlmCheckFailure | undefined {
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
  // Only the cited sentences the claim retells best, and it is enough to be true to one of them:
  // a quoted sentence owes nothing to its neighbour's "if".
  const overlaps = sources.map((source) => shared(claim.allTerms, source.allTerms));
  const best = Math.max(0, ...overlaps);
  const dropped = (source: SentenceAnalysis): LlmCheckFailure | undefined => {
    if (!uses(new Set([...source.allTerms].filter((term) => !source.conditionTerms.has(term))))) return undefined;
    const kept = (condition: Condition) =>
      claim.conditions.some((other) => other.kind === condition.kind && (condition.terms.size === 0 || shared(other.terms, condition.terms) > 0)) ||
      // "If the judge grants you an order, it lasts..." may be retold as "an order the judge grants lasts...".
      (condition.terms.size > 0 && shared(condition.terms, claim.allTerms) >= Math.ceil(condition.terms.size / 2) && !claim.conditions.some((other) => other.kind !== condition.kind));
    // "when A or when B": keeping one alternative keeps the claim true.
    const chains: Condition[][] = [];
    for (const condition of source.conditions) (condition.alternative && chains.length > 0 ? chains[chains.length - 1] : (chains[chains.length] = [])).push(condition);
    if (chains.some((chain) => !chain.some(kept))) return 'condition_mismatch';
    return source.only && !claim.only ? 'quantifier_mismatch' : undefined;
  };
  const verdicts = sources.filter((_, index) => overlaps[index] === best).map(dropped);
  if (verdicts.length > 0 && verdicts.every((verdict) => verdict !== undefined)) return verdicts[0];
  if (claim.only) {
    if (!sources.some((source, index) => source.only && overlaps[index] === best)) return 'quantifier_mismatch';
  }
  return undefined;
}

/** "18 years or married" is not "18 years and married": the same two words joined the other way. */
export function coordinationFailure(claim: SentenceAnalysis, sources: SentenceAnalysis[]): LlmCheckFailure | undefined {
  const cited = sources.flatMap((source) => source.links);
  for (const link of claim.links) {
    if (link.right === undefined) continue;
    const joins = cited.filter((other) => other.right !== undefined && sameTerm(other.left, link.left) && sameTerm(other.right, link.right!));
    if (joins.length > 0 && !joins.some((other) => other.kind === link.kind)) return 'coordination_mismatch';
  }
  return undefined;
}
