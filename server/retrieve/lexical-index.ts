import MiniSearch from 'minisearch';
import { referenceBase, STOPWORDS, stem, tokenize } from './terms.js';

/** A ranked item (a passage or an example question) from one retriever, by its position in its list. */
export interface ChunkHit {
  chunkIndex: number;
  score: number;
}

/** What the lexical index reads of each item: its text, a title and references (boosted), its document. */
export interface LexicalItem {
  text: string;
  title: string;
  refs: string;
  docId: string;
}

/** BM25 search (MiniSearch) over passages or example questions, with titles and statute references boosted. */
export interface LexicalIndex {
  search(query: string, options?: { prefix?: boolean; fuzzy?: boolean; docId?: string; limit?: number }): ChunkHit[];
  /** Every stemmed term the index holds: a query word outside it is one the index never uses. */
  vocabulary: Set<string>;
}

function processTerm(term: string): string | null {
  if (STOPWORDS.has(term)) return null;
  if (/\d/.test(term)) return referenceBase(term);
  return term.length > 1 ? stem(term) : null;
}

/** Builds a lexical index once at load time; items are identified by their position. */
export function createLexicalIndex(options: { items: LexicalItem[]; boost?: { title: number; refs: number } }): LexicalIndex {
  const vocabulary = new Set<string>();
  const search = new MiniSearch<LexicalItem & { id: number }>({
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
  search.addAll(options.items.map((item, index) => ({ ...item, id: index })));
  const docOf = options.items.map((item) => item.docId);
  const boost = options.boost ?? { title: 0.3, refs: 1 };
  return {
    vocabulary,
    search(query, searchOptions = {}) {
      const hits = search.search(query, {
        boost,
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
