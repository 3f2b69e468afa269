import type { Source } from '../../ingest/corpus.js';
import { speaksAcrossStates } from '../answer/jurisdiction.js';
import { coverage } from '../answer/query-terms.js';
import type { SearchIndex } from '../retrieve/search-index.js';
import { contentTerms } from '../retrieve/terms.js';
import type { Params } from './params.js';
import { selectPassages } from './select-passages.js';
import type { Candidate, Evidence, QueryPlan } from './types.js';

/** The retrieval features the judge reads; `npm run fit:judge` fits their weights. */
export interface JudgeFeatures {
  /** Best encoder cosine of a unit of the top sections to the query (0 without vectors). */
  similarity: number;
  /** Best encoder cosine of an example question of the top sections to the query (0 without vectors). */
  questionSimilarity: number;
  /** Share of the asking sentences' idf weight that the top sections' words cover. */
  lexical: number;
  /** Share of the asking sentences' words that neither the documents nor the example questions use. */
  unknown: number;
  /** Best encoder cosine to a question about another subject (corpus/off-topic-questions.jsonl). */
  offTopic: number;
}

const TOP = 3;

/** Reads the features off the plan and the top candidates. */
export function judgeFeatures(plan: QueryPlan, candidates: Candidate[], unitTerms: string[][], offTopic = 0): JudgeFeatures {
  const top = candidates.slice(0, TOP);
  const asking = new Set(contentTerms(plan.focus));
  const own = plan.terms.filter((term) => term.own && asking.has(term.term));
  // Of the top candidates' words (their units' and best example question's), only those coverage asks about.
  const wanted = new Set(own.flatMap((term) => [term.term, ...term.alternatives.flat()]));
  const words = new Set<string>();
  const note = (terms: string[]) => {
    for (const term of terms) if (wanted.has(term)) words.add(term);
  };
  for (const candidate of top) {
    for (const entry of candidate.units) note(unitTerms[entry.chunkIndex]);
    if (candidate.question) note(contentTerms(candidate.question.text));
  }
  return {
    similarity: Math.max(0, ...top.map((candidate) => candidate.similarity)),
    questionSimilarity: Math.max(0, ...top.map((candidate) => candidate.questionSimilarity)),
    lexical: coverage(own, words),
    unknown: plan.unknownShare,
    offTopic,
  };
}

/** Probability that the documents answer, from the fitted logistic model. */
export function answerability(features: JudgeFeatures, params: Params['judge']): number {
  const z = params.bias + params.wSimilarity * features.similarity + params.wQuestionSimilarity * features.questionSimilarity + params.wLexical * features.lexical + params.wUnknown * features.unknown + params.wOffTopic * features.offTopic;
  return 1 / (1 + Math.exp(-z));
}

/** Probability that the question is about the documents' subject at all (else out_of_scope). */
export function inScope(features: JudgeFeatures, params: Params['judge']): number {
  const z = params.scopeBias + params.scopeWSimilarity * features.similarity + params.scopeWQuestionSimilarity * features.questionSimilarity + params.scopeWLexical * features.lexical + params.scopeWUnknown * features.unknown + params.scopeWOffTopic * features.offTopic;
  return 1 / (1 + Math.exp(-z));
}

/**
 * The one place that decides: answered (high or low confidence), not found, or out of scope,
 * jurisdiction included, and what the answer rests on.
 */
export function judge(plan: QueryPlan, candidates: Candidate[], options: { index: SearchIndex; sourceById: Map<string, Source>; params: Params; vectorsUsed: boolean; offTopicSimilarity?: number }): Evidence {
  const { params } = options;
  const features = judgeFeatures(plan, candidates, options.index.unitTerms, options.offTopicSimilarity);
  const probability = answerability(features, params.judge);
  const base = { features: { ...features }, answerability: probability, related: [], uncoveredPlaces: [] as string[], passages: [] };
  const top = candidates[0];
  // A typed statute or paragraph number, or a glossary term, is answered by the section that carries it.
  const exact = top !== undefined && (top.referenced === true || top.definitionOf !== undefined);
  // Without vectors the models' similarity features read 0; only a clear lack of shared words then refuses.
  const scope = options.vectorsUsed ? inScope(features, params.judge) : features.lexical > 0 ? 1 : 0;
  if (!top || (!exact && scope < params.judge.outOfScopeBelow)) return { ...base, verdict: 'out_of_scope', confidence: 'low' };
  if (!exact && options.vectorsUsed && probability < params.judge.refuseBelow) return { ...base, verdict: 'not_found', confidence: 'low' };
  const passages = selectPassages({ plan, candidates, index: options.index, sourceById: options.sourceById, params: params.compose });
  if (passages.length === 0) return { ...base, verdict: 'not_found', confidence: 'low' };
  // A question about another state's own law: the documents answer only where they speak about orders across states.
  if (plan.otherPlaces.length > 0 && !speaksAcrossStates(passages.flatMap((passage) => passage.units.map((unit) => `${passage.section.path.join(' ')} ${unit.text}`)))) {
    return { ...base, verdict: 'not_found', confidence: 'low', uncoveredPlaces: plan.otherPlaces.map((place) => place.replace(/\b\w/g, (letter) => letter.toUpperCase())) };
  }
  const quoted = new Set(passages.map((passage) => passage.section.id));
  const related = candidates
    .filter((candidate) => !quoted.has(candidate.section.id) && candidate.section.kind !== 'acronyms')
    .slice(0, params.compose.related)
    .map((candidate) => ({ question: candidate.question?.text ?? relatedTitle(candidate), sectionId: candidate.section.id }));
  return { ...base, verdict: 'answered', confidence: exact || probability >= params.judge.confidentAbove ? 'high' : 'low', passages, related };
}

/** A section's title as something to tap: a WomensLaw question as it stands, a DoDI heading as "About ...". */
function relatedTitle(candidate: Candidate): string {
  const title = candidate.section.title.replace(/^(\d+\.)+\d*\.?\s*|^[a-z]\.\s*|^\(\w+\)\s*/i, '').trim();
  if (title.endsWith('?')) return title;
  const short = title.length > 90 ? `${title.slice(0, 87).replace(/\s+\S*$/, '')}...` : title;
  return `What does DoDI 6400.06 say about: ${short}`;
}
