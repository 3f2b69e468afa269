import type { Section } from '../../ingest/types.js';
import type { RetrievalMode } from '../contract.js';
import type { LexicalIndex } from '../retrieve/lexical-index.js';
import { expandQuery, standInPhrases } from '../retrieve/query-expansion.js';
import type { SearchIndex } from '../retrieve/search-index.js';
import type { Params } from './params.js';
import { boostDefinitions, boostReferences, collapseTwins } from './section-boosts.js';
import type { Candidate, QueryPlan } from './types.js';

/** Units kept per candidate section for the judge and the composer. */
const UNITS_PER_SECTION = 12;

/**
 * Ranks sections for a plan. Every unit (sentence, list item) gets a fused score, min-max scaled BM25
 * and encoder cosine; every example question likewise. A section scores by its best unit, a little for
 * its second, and by its best example question, which also lifts the unit that question names.
 */
export async function retrieve(plan: QueryPlan, index: SearchIndex, options: { mode: RetrievalMode; limit: number; docId?: string; params: Params['retrieve'] }): Promise<Candidate[]> {
  const { params, mode, docId } = options;
  const useLexical = mode !== 'vector';
  const useVectors = mode !== 'lexical';
  const queries = useLexical ? lexicalQueries(index, plan, params) : [];
  const lexicalUnits = useLexical ? lexicalScores(index.lexical, queries, { docId, limit: params.candidates }) : new Map<number, number>();
  const lexicalQuestions = useLexical && params.useQuestions ? lexicalScores(index.questionLexical, queries, { docId, limit: params.candidates }) : new Map<number, number>();
  let unitSimilarity = new Map<number, number>();
  let questionSimilarity = new Map<number, number>();
  if (useVectors) {
    const texts = [...new Set([plan.text, plan.focus])];
    const vectors = await Promise.all(texts.map((text) => index.embed(text)));
    // Both texts' cosines to everything retrieval searches, in one matrix product; the lookups below read them.
    index.passageVectors.all(vectors);
    const blend = (set: typeof index.passageVectors, pool: Map<number, number>) => {
      const ids = new Set(pool.keys());
      for (const vector of vectors) for (const hit of set.nearest(vector, { limit: params.candidates, docId })) ids.add(hit.chunkIndex);
      const [whole, focus] = set.all(vectors);
      const result = new Map<number, number>();
      for (const id of ids) result.set(id, focus ? (1 - params.focusWeight) * whole[id] + params.focusWeight * focus[id] : whole[id]);
      return result;
    };
    unitSimilarity = blend(index.passageVectors, lexicalUnits);
    if (params.useQuestions) questionSimilarity = blend(index.questionVectors, lexicalQuestions);
  }
  const weightLexical = mode === 'lexical' ? 1 : mode === 'vector' ? 0 : params.lexicalWeight;
  const unitScores = fuse(lexicalUnits, unitSimilarity, weightLexical);
  const questionScores = fuse(lexicalQuestions, questionSimilarity, mode === 'lexical' ? 1 : mode === 'vector' ? 0 : params.questionLexicalWeight);

  // Candidates by section position, in the order they were first met: ties in the final ranking keep that order.
  const bySection: Array<Candidate | undefined> = new Array(index.sections.length);
  const met: Candidate[] = [];
  const candidateAt = (position: number): Candidate => {
    let candidate = bySection[position];
    if (!candidate) {
      candidate = { section: index.sections[position], score: 0, units: [], similarity: 0, questionSimilarity: 0 };
      bySection[position] = candidate;
      met.push(candidate);
    }
    return candidate;
  };
  const candidateFor = (section: Section): Candidate => candidateAt(index.sectionPositionById.get(section.id)!);
  for (const [chunkIndex, score] of unitScores) {
    const candidate = candidateAt(index.chunkSectionPositions[chunkIndex]);
    const similarity = unitSimilarity.get(chunkIndex) ?? 0;
    candidate.units.push({ chunkIndex, unit: index.chunks[chunkIndex], score, lexical: lexicalUnits.get(chunkIndex) ?? 0, similarity });
    candidate.similarity = Math.max(candidate.similarity, similarity);
  }
  // The best example question of each section joins the section's score; every matched question lifts the unit it
  // names (by its own score, the best lift per unit), so two ways of asking about two points both count.
  const bestScore = new Float64Array(index.sections.length);
  const bestPosition = new Int32Array(index.sections.length).fill(-1);
  const asked: number[] = [];
  for (const [position, score] of questionScores) {
    const section = index.questionSectionPositions[position];
    if (bestPosition[section] < 0) asked.push(section);
    else if (!(score > bestScore[section])) continue;
    bestPosition[section] = position;
    bestScore[section] = score;
  }
  const lifts = new Map<number, number>();
  for (const [position, score] of questionScores) {
    // Only the questions near their section's best say which point is asked about; the rest are other points.
    if (score < params.pointLiftNear * bestScore[index.questionSectionPositions[position]]) continue;
    const chunkIndex = index.questionPointChunks[position];
    if (chunkIndex >= 0) lifts.set(chunkIndex, Math.max(lifts.get(chunkIndex) ?? 0, params.pointLift * score));
  }
  for (const section of asked) {
    const position = bestPosition[section];
    const question = index.questions[position];
    const candidate = candidateAt(section);
    candidate.question = { text: question.text, point: question.point };
    candidate.questionSimilarity = questionSimilarity.get(position) ?? 0;
    candidate.score += params.questionWeight * bestScore[section];
  }
  for (const [chunkIndex, lift] of lifts) {
    const candidate = candidateAt(index.chunkSectionPositions[chunkIndex]);
    const existing = candidate.units.find((entry) => entry.chunkIndex === chunkIndex);
    if (existing) existing.score += lift;
    else candidate.units.push({ chunkIndex, unit: index.chunks[chunkIndex], score: lift, lexical: 0, similarity: unitSimilarity.get(chunkIndex) ?? 0 });
  }
  for (const candidate of met) {
    candidate.units.sort((left, right) => right.score - left.score);
    candidate.units = candidate.units.slice(0, UNITS_PER_SECTION);
    candidate.score += (candidate.units[0]?.score ?? 0) + params.secondUnitShare * (candidate.units[1]?.score ?? 0);
    if (index.supersededDocs.has(candidate.section.docId)) candidate.score *= params.supersededFactor;
  }
  boostReferences(index, plan.references, { candidateFor, bonus: params.referenceBonus, docId });
  boostDefinitions(index, plan.definitionOf, { candidateFor, bonus: params.definitionBonus, docId });
  const ranked = collapseTwins(met.filter((candidate) => !docId || candidate.section.docId === docId).sort((left, right) => right.score - left.score), plan.text, options.limit);
  return ranked.slice(0, options.limit);
}

/**
 * How close the question comes to questions about other subjects (corpus/off-topic-questions.jsonl):
 * the best cosine, blended for the whole message and its asking sentences as for passages.
 */
export async function offTopicSimilarity(plan: QueryPlan, index: SearchIndex, params: Params['retrieve']): Promise<number> {
  const texts = [...new Set([plan.text, plan.focus])];
  const scores: number[] = [];
  for (const text of texts) scores.push(Math.max(0, ...index.offTopicVectors.nearest(await index.embed(text), { limit: 1 }).map((hit) => hit.score)));
  return scores.length > 1 ? (1 - params.focusWeight) * scores[0] + params.focusWeight * scores[1] : scores[0];
}

/** One BM25 query and its weight: whether misspellings count, and how much its hits weigh beside the others. */
interface LexicalQuery {
  text: string;
  fuzzy: boolean;
  weight: number;
}

/** What BM25 searches for: the latest words (with carried context), their stand-ins, the earlier turn, the synonyms. */
function lexicalQueries(index: SearchIndex, plan: QueryPlan, params: Params['retrieve']): LexicalQuery[] {
  const expansions = expandQuery(plan.text, index.thesaurus);
  // A word the documents never use can match nothing: its stand-ins from the thesaurus carry the person's own weight.
  const standIns = standInPhrases(plan.latest, index.thesaurus, (term) => index.documentFrequency.has(term));
  // A follow-up is searched with the turn it leans on, so passages about both rank first.
  const queries: LexicalQuery[] = [{ text: plan.text, fuzzy: true, weight: 1 }];
  if (standIns.length > 0) queries.push({ text: `${plan.latest} ${standIns.join(' ')}`, fuzzy: false, weight: 1 });
  if (plan.context) queries.push({ text: plan.context, fuzzy: true, weight: params.contextWeight });
  if (expansions.length > 0) queries.push({ text: expansions.join(' '), fuzzy: false, weight: params.synonymWeight });
  return queries;
}

/** BM25 over units or example questions: each query's hits scaled to its best, weighted, the best per item kept. */
function lexicalScores(lexical: LexicalIndex, queries: LexicalQuery[], options: { docId?: string; limit: number }): Map<number, number> {
  const scores = new Map<number, number>();
  for (const { text, fuzzy, weight } of queries) {
    const hits = lexical.search(text, { docId: options.docId, limit: options.limit, ...(fuzzy ? {} : { fuzzy: false }) });
    const best = hits[0]?.score ?? 1;
    for (const hit of hits) scores.set(hit.chunkIndex, Math.max(scores.get(hit.chunkIndex) ?? 0, (weight * hit.score) / best));
  }
  return scores;
}

/** Min-max scales each side over the pool, then mixes them: what a passage shares in words and in meaning. */
function fuse(lexical: Map<number, number>, similarity: Map<number, number>, lexicalWeight: number): Map<number, number> {
  let topLexical = 1e-9;
  for (const value of lexical.values()) topLexical = Math.max(topLexical, value);
  let low = similarity.size > 0 ? Number.POSITIVE_INFINITY : 0;
  let high = similarity.size > 0 ? Number.NEGATIVE_INFINITY : 1;
  for (const value of similarity.values()) {
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  const fused = new Map<number, number>();
  const add = (id: number) => {
    const lexicalScore = (lexical.get(id) ?? 0) / topLexical;
    const found = similarity.get(id);
    const vectorScore = found !== undefined ? (found - low) / Math.max(1e-9, high - low) : 0;
    fused.set(id, lexicalWeight * lexicalScore + (1 - lexicalWeight) * vectorScore);
  };
  // Lexical hits first, then those only the vectors found: the order ties are ranked in downstream.
  for (const id of lexical.keys()) add(id);
  for (const id of similarity.keys()) if (!lexical.has(id)) add(id);
  return fused;
}
