import MiniSearch from 'minisearch';
import type { Chunk, Section } from '../../ingest/types.js';
import { referenceBase, STOPWORDS, stem, tokenize } from './terms.js';

/** A ranked chunk from one retriever. */
export interface ChunkHit {
  chunkIndex: number;
  score: number;
}

interface LexicalDocument {
  id: number;
  text: string;
  title: string;
  refs: string;
  docId: string;
}

/** BM25 search over chunks (MiniSearch), with titles and statute references boosted. */
export interface LexicalIndex {
  search(query: string, options?: { prefix?: boolean; fuzzy?: boolean; docId?: string; limit?: number }): ChunkHit[];
}

function processTerm(term: string): string | null {
  if (STOPWORDS.has(term)) return null;
  if (/\d/.test(term)) return referenceBase(term);
  return term.length > 1 ? stem(term) : null;
}

/** Builds the lexical index once at load time. */
export function createLexicalIndex(options: { chunks: Chunk[]; sections: Map<string, Section> }): LexicalIndex {
  const vocabulary = new Set<string>();
  const search = new MiniSearch<LexicalDocument>({
    fields: ['text', 'title', 'refs'],
    storeFields: [],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => {
      const processed = processTerm(term);
      if (processed) vocabulary.add(processed);
      return processed;
    },
    searchOptions: { processTerm },
  });
  search.addAll(
    options.chunks.map((chunk, index) => {
      const section = options.sections.get(chunk.sectionId);
      const refs = section ? [section.locator, ...section.cites, section.id.replace(/^[a-z]+:/, '')].join(' ') : '';
      return { id: index, text: chunk.indexText, title: section?.title ?? '', refs, docId: chunk.docId };
    }),
  );
  const docOf = options.chunks.map((chunk) => chunk.docId);
  return {
    search(query, searchOptions = {}) {
      const hits = search.search(query, {
        boost: { title: 0.3, refs: 1 },
        combineWith: 'OR',
        prefix: searchOptions.prefix ? (term) => term.length >= 3 : false,
        // Only a word the documents never use can be a misspelling; fuzzy matching known words is slow and noisy.
        fuzzy: searchOptions.fuzzy === false ? false : (term) => (vocabulary.has(term) ? false : term.length >= 6 ? 0.2 : term.length >= 4 ? 1 : false),
        filter: searchOptions.docId ? (result) => docOf[result.id as number] === searchOptions.docId : undefined,
      });
      return hits.slice(0, searchOptions.limit ?? 50).map((hit) => ({ chunkIndex: hit.id as number, score: hit.score }));
    },
  };
}
