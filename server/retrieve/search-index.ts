import type { Embeddings } from '@langchain/core/embeddings';
import type { LoadedIndex } from '../../ingest/index-store.js';
import type { Chunk, Section } from '../../ingest/types.js';
import { createLexicalIndex, type ChunkHit, type LexicalIndex } from './lexical-index.js';
import type { Thesaurus } from './query-expansion.js';
import { createQueryEmbeddingCache } from './query-embedding-cache.js';

/** Everything retrieval reads, built once when an index is loaded. */
export interface SearchIndex {
  sections: Section[];
  chunks: Chunk[];
  sectionById: Map<string, Section>;
  chunkIndexesBySection: Map<string, number[]>;
  lexical: LexicalIndex;
  thesaurus: Thesaurus;
  vectorSearch(text: string, options: { limit: number; docId?: string }): Promise<ChunkHit[]>;
  /** Exact cosine similarity of the query to given chunks (for lexical hits the ANN search missed). */
  similarities(text: string, chunkIndexes: number[]): Promise<Map<number, number>>;
  /** Acronyms from the glossary, lower-cased ("fap", "dava"). */
  acronymTerms: Set<string>;
  /** Documents another document supersedes (the 2013 MPO page), ranked slightly lower. */
  supersededDocs: Set<string>;
  /** Document frequency of each stemmed term over sections, for idf weights. */
  documentFrequency: Map<string, number>;
}

/** Builds the lexical index, lookup tables and vector search over a loaded index. */
export function createSearchIndex(options: {
  index: LoadedIndex;
  embedder: Embeddings;
  thesaurus: Thesaurus;
  documentFrequency: Map<string, number>;
  supersededDocs: Set<string>;
}): SearchIndex {
  const { index } = options;
  const sectionById = new Map(index.sections.map((section) => [section.id, section]));
  const chunkIndexesBySection = new Map<string, number[]>();
  index.chunks.forEach((chunk, chunkIndex) => {
    const list = chunkIndexesBySection.get(chunk.sectionId) ?? [];
    list.push(chunkIndex);
    chunkIndexesBySection.set(chunk.sectionId, list);
  });
  const lexical = createLexicalIndex({ chunks: index.chunks, sections: sectionById });
  const embedQuery = createQueryEmbeddingCache(options.embedder, 500);
  const total = index.vectors.getCurrentCount();
  // Unit-length copies of every chunk vector, read once at load, for exact similarities per request.
  const dimensions = index.manifest.embedder.dimensions;
  const unitVectors = new Float32Array(total * dimensions);
  for (let label = 0; label < total; label++) {
    const point = index.vectors.getPoint(label);
    const norm = Math.sqrt(point.reduce((sum, value) => sum + value * value, 0)) || 1;
    for (let i = 0; i < dimensions; i++) unitVectors[label * dimensions + i] = point[i] / norm;
  }
  return {
    sections: index.sections,
    chunks: index.chunks,
    sectionById,
    chunkIndexesBySection,
    lexical,
    thesaurus: options.thesaurus,
    documentFrequency: options.documentFrequency,
    supersededDocs: options.supersededDocs,
    acronymTerms: new Set(index.acronyms.map((entry) => entry.acronym.toLowerCase())),
    async vectorSearch(text, searchOptions) {
      const vector = await embedQuery(text);
      const filter = searchOptions.docId ? (label: number) => index.chunks[label]?.docId === searchOptions.docId : undefined;
      const result = index.vectors.searchKnn(vector, Math.min(searchOptions.limit, total), filter);
      return result.neighbors.map((label, position) => ({ chunkIndex: label, score: 1 - result.distances[position] }));
    },
    async similarities(text, chunkIndexes) {
      const query = await embedQuery(text);
      const queryNorm = Math.sqrt(query.reduce((sum, value) => sum + value * value, 0)) || 1;
      const result = new Map<number, number>();
      for (const chunkIndex of chunkIndexes) {
        let dot = 0;
        const offset = chunkIndex * dimensions;
        for (let i = 0; i < dimensions; i++) dot += unitVectors[offset + i] * query[i];
        result.set(chunkIndex, dot / queryNorm);
      }
      return result;
    },
  };
}
