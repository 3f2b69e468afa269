import type { Section } from '../../ingest/types.js';
import type { ChatMessage, RetrievalMode } from '../contract.js';
import type { ChunkHit } from './lexical-index.js';
import { conversationQuery, type SearchQuery } from './conversation-query.js';
import { expandQuery, standInPhrases } from './query-expansion.js';
import { referenceTokens } from './terms.js';
import type { SearchIndex } from './search-index.js';

/** A section found for a query, with the chunks that matched and the evidence behind its rank. */
export interface RetrievedSection {
  section: Section;
  score: number;
  /** Best cosine similarity of any of its chunks to the query (0 when vectors were not used). */
  similarity: number;
  chunkIndexes: number[];
  /** Set when the section is the glossary entry a "what is X?" question asks for. */
  definitionOf?: string;
}

export interface RetrieveOptions {
  messages: ChatMessage[];
  mode?: RetrievalMode;
  limit?: number;
  docId?: string;
}

const CANDIDATES = 40;
const SUPERSEDED_FACTOR = 0.85;
/** Share of lexical evidence in hybrid mode; both sides are scaled to their best hit first. */
const LEXICAL_WEIGHT = 0.5;

/** Ranks sections for a conversation: lexical and vector evidence combined, exact references and definitions first. */
export async function retrieve(index: SearchIndex, options: RetrieveOptions): Promise<RetrievedSection[]> {
  const query = conversationQuery(options.messages);
  return retrieveForQuery(index, { query, mode: options.mode ?? 'hybrid', limit: options.limit ?? 8, docId: options.docId });
}

/**
 * Hybrid retrieval that survives its vector half failing (an embedding server down or past its timeout):
 * the lexical ranking alone is returned, with the mode actually used, instead of an error.
 */
export async function retrieveResilient(
  index: SearchIndex,
  options: { query: SearchQuery; mode: RetrievalMode; limit: number; docId?: string; onFallback?: (error: unknown) => void },
): Promise<{ retrieved: RetrievedSection[]; mode: RetrievalMode }> {
  const { onFallback, ...search } = options;
  try {
    return { retrieved: await retrieveForQuery(index, search), mode: search.mode };
  } catch (error) {
    if (search.mode !== 'hybrid') throw error;
    onFallback?.(error);
    return { retrieved: await retrieveForQuery(index, { ...search, mode: 'lexical' }), mode: 'lexical' };
  }
}

/** The same, for an already-built query. */
export async function retrieveForQuery(
  index: SearchIndex,
  options: { query: SearchQuery; mode: RetrievalMode; limit: number; docId?: string },
): Promise<RetrievedSection[]> {
  const { query, mode } = options;
  const text = query.context ? `${query.context} ${query.latest}` : query.latest;
  // Lexical evidence: the latest words, earlier context and synonyms, each scaled to its best hit.
  const lexical = new Map<number, number>();
  if (mode !== 'vector') {
    const expansions = expandQuery(text, index.thesaurus);
    const standIns = standInPhrases(query.latest, index.thesaurus, (term) => index.documentFrequency.has(term));
    const runs: Array<{ hits: ChunkHit[]; weight: number }> = [
      { hits: index.lexical.search(query.latest, { docId: options.docId, limit: CANDIDATES }), weight: 1 },
    ];
    if (standIns.length > 0) runs.push({ hits: index.lexical.search(`${query.latest} ${standIns.join(' ')}`, { docId: options.docId, fuzzy: false, limit: CANDIDATES }), weight: 0.8 });
    if (query.context) runs.push({ hits: index.lexical.search(query.context, { docId: options.docId, limit: CANDIDATES }), weight: 0.8 });
    if (expansions.length > 0) runs.push({ hits: index.lexical.search(expansions.join(' '), { docId: options.docId, fuzzy: false, limit: CANDIDATES }), weight: 0.4 });
    for (const { hits, weight } of runs) {
      const best = hits[0]?.score ?? 1;
      for (const hit of hits) lexical.set(hit.chunkIndex, (lexical.get(hit.chunkIndex) ?? 0) + (weight * hit.score) / best);
    }
    const top = Math.max(1e-9, ...lexical.values());
    for (const [chunkIndex, score] of lexical) lexical.set(chunkIndex, score / top);
  }
  // Vector evidence: ANN neighbours, plus exact similarity for lexical hits the ANN list missed.
  let similarities = new Map<number, number>();
  if (mode !== 'lexical') {
    for (const hit of await index.vectorSearch(text, { limit: CANDIDATES, docId: options.docId })) similarities.set(hit.chunkIndex, hit.score);
    const missing = [...lexical.keys()].filter((chunkIndex) => !similarities.has(chunkIndex));
    if (missing.length > 0) similarities = new Map([...similarities, ...(await index.similarities(text, missing))]);
  }
  const bestSimilarity = Math.max(1e-9, ...similarities.values());
  const fused = new Map<number, number>();
  for (const chunkIndex of new Set([...lexical.keys(), ...similarities.keys()])) {
    const lexicalScore = lexical.get(chunkIndex) ?? 0;
    const vectorScore = Math.max(0, similarities.get(chunkIndex) ?? 0) / bestSimilarity;
    const score = mode === 'lexical' ? lexicalScore : mode === 'vector' ? vectorScore : LEXICAL_WEIGHT * lexicalScore + (1 - LEXICAL_WEIGHT) * vectorScore;
    fused.set(chunkIndex, score);
  }
  const bySection = new Map<string, RetrievedSection>();
  for (const [chunkIndex, score] of [...fused.entries()].sort((left, right) => right[1] - left[1])) {
    const chunk = index.chunks[chunkIndex];
    const existing = bySection.get(chunk.sectionId);
    const similarity = similarities.get(chunkIndex) ?? 0;
    if (existing) {
      // A second matching chunk adds a little (a section that matches throughout beats one lucky chunk);
      // more would reward long sections for their length.
      if (existing.chunkIndexes.length === 1) existing.score += score * 0.1;
      existing.similarity = Math.max(existing.similarity, similarity);
      existing.chunkIndexes.push(chunkIndex);
    } else {
      bySection.set(chunk.sectionId, { section: index.sectionById.get(chunk.sectionId)!, score, similarity, chunkIndexes: [chunkIndex] });
    }
  }
  // A superseded source ranks a little below the current one; it is still quoted when it alone answers.
  for (const entry of bySection.values()) if (index.supersededDocs.has(entry.section.docId)) entry.score *= SUPERSEDED_FACTOR;
  boostExactReferences(index, referenceTokens(query.latest), bySection, options.docId);
  boostDefinitions(index, query.latest, bySection, options.docId);
  const ranked = collapseDuplicates([...bySection.values()].sort((left, right) => right.score - left.score), text);
  return ranked.slice(0, options.limit);
}

/** A statute, paragraph or form number typed by the user puts the sections that carry it on top. */
export function boostExactReferences(index: SearchIndex, references: string[], bySection: Map<string, RetrievedSection>, docId?: string): void {
  if (references.length === 0) return;
  const bases = references.map((reference) => reference.replace(/\(.*$/, '').replace(/\.$/, ''));
  for (const section of index.sections) {
    if (docId && section.docId !== docId) continue;
    const haystack = `${section.id} ${section.locator} ${section.cites.join(' ')} ${section.text}`.toLowerCase();
    // Count occurrences (up to three each): the section that keeps citing the number is the one about it.
    const matched = references.reduce((sum, reference, position) => {
      const needle = haystack.includes(reference) ? reference : bases[position];
      return sum + Math.min(3, haystack.split(needle).length - 1);
    }, 0);
    if (matched === 0) continue;
    const idMatch = references.some((reference) => section.id.toLowerCase().endsWith(`:${reference}`) || section.id.toLowerCase().endsWith(`:${bases[0]}`));
    const bonus = (idMatch ? 0.5 : 0.2) * matched + (section.cites.some((cite) => bases.some((base) => cite.includes(base))) ? 0.2 : 0);
    const existing = bySection.get(section.id);
    if (existing) existing.score += bonus;
    else bySection.set(section.id, { section, score: bonus, similarity: 0, chunkIndexes: index.chunkIndexesBySection.get(section.id) ?? [] });
  }
}

const DEFINITION_QUESTION = /^\s*(?:what(?:'s| is| are| does)|whats|define|definition of|meaning of|who (?:is|are)|what do(?:es)? (?:the )?(?:term|word|acronym))\s+(?:an? |the )?(.+?)(?:\s+(?:mean|means|stand for|stands for)\b.*)?\s*[?.!]?\s*$/i;

/** Staff shorthand: "DoD definition of intimate partner", "intimate partner definition". */
const DEFINITION_LOOKUP = /^\s*(?:(?:the|dod|dodi|military|glossary|legal)\s+)*(?:definition|meaning) of\s+(?:an? |the )?(.+?)\s*[?.!]?\s*$|^\s*(?:an? |the )?(.+?)\s+(?:definition|meaning)\s*[?.!]?\s*$/i;

/** "What is a DAVA?" puts the glossary entry for DAVA on top. */
function boostDefinitions(index: SearchIndex, latest: string, bySection: Map<string, RetrievedSection>, docId?: string): void {
  const match = latest.match(DEFINITION_QUESTION) ?? latest.match(DEFINITION_LOOKUP);
  const asked = match?.slice(1).find((group) => group !== undefined);
  if (!asked) return;
  const term = asked.toLowerCase().replace(/[?.!]+$/, '').trim();
  if (term.split(/\s+/).length > 5) return;
  const acronym = index.acronymTerms.has(term.replace(/s$/, '')) || index.acronymTerms.has(term);
  for (const section of index.sections) {
    if (docId && section.docId !== docId) continue;
    // An acronym is answered by the acronym table, which spells it out.
    if (section.kind === 'acronyms' && acronym) {
      markDefinition(index, bySection, section, term, 0.4);
      continue;
    }
    if (section.kind !== 'definition') continue;
    const title = section.title.toLowerCase();
    const [name] = title.split(' (');
    const meaning = title.match(/\(([^)]*)\)/)?.[1] ?? '';
    if (name !== term && meaning !== term && name !== term.replace(/s$/, '')) continue;
    // A definition that only points elsewhere ("Defined in DoDI 6400.01.") ranks below the acronym table.
    markDefinition(index, bySection, section, term, /^Defined in\b/.test(section.text) ? 0.3 : 0.5);
  }
}

function markDefinition(index: SearchIndex, bySection: Map<string, RetrievedSection>, section: Section, term: string, bonus: number): void {
  const existing = bySection.get(section.id);
  if (existing) {
    existing.score += bonus;
    existing.definitionOf = term;
  } else {
    bySection.set(section.id, { section, score: bonus, similarity: 0, chunkIndexes: index.chunkIndexesBySection.get(section.id) ?? [], definitionOf: term });
  }
}

/**
 * The same answer appears under domestic violence and under stalking; keep one unless the query's
 * words favour the other's heading.
 */
function collapseDuplicates(ranked: RetrievedSection[], queryText: string): RetrievedSection[] {
  const words = new Set(queryText.toLowerCase().match(/[a-z]+/g) ?? []);
  const pathScore = (entry: RetrievedSection) => entry.section.path.join(' ').toLowerCase().match(/[a-z]+/g)?.filter((word) => words.has(word) && word.length > 3).length ?? 0;
  const kept: RetrievedSection[] = [];
  for (const entry of ranked) {
    const twinIndex = kept.findIndex(
      (other) => other.section.duplicateOf === entry.section.id || entry.section.duplicateOf === other.section.id,
    );
    if (twinIndex < 0) {
      kept.push(entry);
      continue;
    }
    const twin = kept[twinIndex];
    if (pathScore(entry) > pathScore(twin)) kept[twinIndex] = { ...entry, score: twin.score };
  }
  return kept;
}
