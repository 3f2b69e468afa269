import type { Section } from '../../ingest/types.js';
import type { ChatMessage, RetrievalMode } from '../contract.js';
import type { ChunkHit } from './lexical-index.js';
import { conversationQuery, type SearchQuery } from './conversation-query.js';
import { expandQuery } from './query-expansion.js';
import { referenceTokens } from './terms.js';
import type { SearchIndex } from './search-index.js';

/** A section found for a query, with the chunks that matched and the evidence behind its rank. */
export interface RetrievedSection {
  section: Section;
  score: number;
  /** Best cosine similarity of any of its chunks to the query (0 when vectors were not used). */
  similarity: number;
  chunkIndexes: number[];
}

export interface RetrieveOptions {
  messages: ChatMessage[];
  mode?: RetrievalMode;
  limit?: number;
  docId?: string;
}

const RRF_K = 60;
const CANDIDATES = 40;

/** Ranks sections for a conversation: lexical and vector hits fused by reciprocal rank, exact references first. */
export async function retrieve(index: SearchIndex, options: RetrieveOptions): Promise<RetrievedSection[]> {
  const query = conversationQuery(options.messages);
  return retrieveForQuery(index, { query, mode: options.mode ?? 'hybrid', limit: options.limit ?? 8, docId: options.docId });
}

/** The same, for an already-built query. */
export async function retrieveForQuery(
  index: SearchIndex,
  options: { query: SearchQuery; mode: RetrievalMode; limit: number; docId?: string },
): Promise<RetrievedSection[]> {
  const { query, mode } = options;
  const lists: Array<{ hits: ChunkHit[]; weight: number }> = [];
  const similarities = new Map<number, number>();
  const text = query.context ? `${query.context} ${query.latest}` : query.latest;
  if (mode !== 'vector') {
    const expansions = expandQuery(text, index.thesaurus);
    lists.push({ hits: index.lexical.search(query.latest, { docId: options.docId, limit: CANDIDATES }), weight: 1 });
    if (query.context) lists.push({ hits: index.lexical.search(query.context, { docId: options.docId, limit: CANDIDATES }), weight: 0.5 });
    if (expansions.length > 0) lists.push({ hits: index.lexical.search(expansions.join(' '), { docId: options.docId, fuzzy: false, limit: CANDIDATES }), weight: 0.6 });
  }
  if (mode !== 'lexical') {
    const hits = await index.vectorSearch(text, { limit: CANDIDATES, docId: options.docId });
    for (const hit of hits) similarities.set(hit.chunkIndex, hit.score);
    lists.push({ hits, weight: mode === 'vector' ? 1 : 1.2 });
  }
  const fused = new Map<number, number>();
  for (const { hits, weight } of lists) {
    hits.forEach((hit, rank) => fused.set(hit.chunkIndex, (fused.get(hit.chunkIndex) ?? 0) + weight / (RRF_K + rank + 1)));
  }
  const bySection = new Map<string, RetrievedSection>();
  for (const [chunkIndex, score] of [...fused.entries()].sort((left, right) => right[1] - left[1])) {
    const chunk = index.chunks[chunkIndex];
    const existing = bySection.get(chunk.sectionId);
    const similarity = similarities.get(chunkIndex) ?? 0;
    if (existing) {
      // Further matching chunks add a little: a section that matches throughout beats one lucky chunk.
      existing.score += score * 0.25;
      existing.similarity = Math.max(existing.similarity, similarity);
      existing.chunkIndexes.push(chunkIndex);
    } else {
      bySection.set(chunk.sectionId, { section: index.sectionById.get(chunk.sectionId)!, score, similarity, chunkIndexes: [chunkIndex] });
    }
  }
  boostExactReferences(index, referenceTokens(query.latest), bySection, options.docId);
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
    const matched = references.filter((reference, position) => haystack.includes(reference) || haystack.includes(bases[position])).length;
    if (matched === 0) continue;
    const idMatch = references.some((reference) => section.id.toLowerCase().endsWith(`:${reference}`) || section.id.toLowerCase().endsWith(`:${bases[0]}`));
    const bonus = (idMatch ? 0.05 : 0.02) * matched + (section.cites.some((cite) => bases.some((base) => cite.includes(base))) ? 0.02 : 0);
    const existing = bySection.get(section.id);
    if (existing) existing.score += bonus;
    else bySection.set(section.id, { section, score: bonus, similarity: 0, chunkIndexes: index.chunkIndexesBySection.get(section.id) ?? [] });
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
