import type { Embeddings } from '@langchain/core/embeddings';
import type { ExampleQuestion } from '../../ingest/example-questions.js';
import type { LoadedIndex, VectorIndex } from '../../ingest/index-store.js';
import type { Chunk, Section } from '../../ingest/types.js';
import { createLexicalIndex, type ChunkHit, type LexicalIndex } from './lexical-index.js';
import type { Thesaurus } from './query-expansion.js';
import { columnBlocks, createSimilarityMatrix, type SimilarityRows } from './similarity-matrix.js';
import { contentTerms } from './terms.js';
import { topOfScores } from './top-k.js';
import { createQueryEmbeddingCache } from './query-embedding-cache.js';

/** Exact cosine search over one set of stored vectors (passages, example questions, off-topic questions, safety examples). */
export interface VectorSet {
  /** The `limit` nearest items by cosine, closest first (ties: the earlier item), within one document if given. */
  nearest(vector: number[], options: { limit: number; docId?: string }): ChunkHit[];
  /** The cosine of a query vector to given items. */
  similarities(vector: number[], indexes: Iterable<number>): Map<number, number>;
  /** The cosines of each query vector to every item, by position; computed together (see SimilarityMatrix.rows). */
  all(vectors: number[][]): Float32Array[];
}

/** Everything retrieval reads, built once when an index is loaded. */
export interface SearchIndex {
  sections: Section[];
  /** Quotable units (sentences, list items), in section order. */
  chunks: Chunk[];
  sectionById: Map<string, Section>;
  chunkIndexesBySection: Map<string, number[]>;
  /** Each section's position in `sections`, by id. */
  sectionPositionById: Map<string, number>;
  /**
   * Each unit's section, as its position in `sections`: read for every scored unit of every request, so a number in
   * one array rather than a string looked up in a map (the unit objects and their id strings are scattered in memory).
   */
  chunkSectionPositions: Int32Array;
  /** Each unit's content terms (contentTerms of its indexText), by position: read on every request, computed once. */
  unitTerms: string[][];
  lexical: LexicalIndex;
  passageVectors: VectorSet;
  /** Curated example questions, their lexical index and vectors. */
  questions: ExampleQuestion[];
  questionIndexesBySection: Map<string, number[]>;
  /** Each example question's section, as its position in `sections`. */
  questionSectionPositions: Int32Array;
  /** The unit each example question's point names (its chunk index), or -1 when it names none. */
  questionPointChunks: Int32Array;
  questionLexical: LexicalIndex;
  questionVectors: VectorSet;
  /** Questions about other subjects, to tell another subject from an uncovered one. */
  offTopicVectors: VectorSet;
  /** The labelled safety examples' vectors and their levels, by position. */
  safetyVectors: VectorSet;
  safetyLevels: string[];
  thesaurus: Thesaurus;
  /** The query's embedding (an LRU cache in front of the encoder). */
  embed(text: string): Promise<number[]>;
  /** Several texts in one encoder call, each cached for `embed`. */
  embedMany(texts: string[]): Promise<number[][]>;
  /** Acronyms from the glossary, lower-cased ("fap", "dava"). */
  acronymTerms: Set<string>;
  /** Documents another document supersedes (the 2013 MPO page), ranked slightly lower. */
  supersededDocs: Set<string>;
  /** Document frequency of each stemmed term over sections, for idf weights. */
  documentFrequency: Map<string, number>;
}

/** Builds the lexical indexes, lookup tables and vector search over a loaded index. */
export function createSearchIndex(options: {
  index: LoadedIndex;
  embedder: Embeddings;
  thesaurus: Thesaurus;
  documentFrequency: Map<string, number>;
  supersededDocs: Set<string>;
}): SearchIndex {
  const { index } = options;
  const sectionById = new Map(index.sections.map((section) => [section.id, section]));
  const chunkIndexesBySection = groupBy(index.chunks.map((chunk) => chunk.sectionId));
  const questionIndexesBySection = groupBy(index.questions.map((question) => question.sectionId));
  const sectionPositionById = new Map(index.sections.map((section, position) => [section.id, position]));
  // A build is checked whole before it is loaded (every unit's and question's section exists); -1 cannot be a section.
  const sectionPosition = (id: string) => sectionPositionById.get(id) ?? -1;
  const chunkSectionPositions = Int32Array.from(index.chunks, (chunk) => sectionPosition(chunk.sectionId));
  const questionSectionPositions = Int32Array.from(index.questions, (question) => sectionPosition(question.sectionId));
  const questionPointChunks = Int32Array.from(index.questions, (question) =>
    question.point === undefined ? -1 : (chunkIndexesBySection.get(question.sectionId)?.[question.point] ?? -1),
  );
  const lexical = createLexicalIndex({
    items: index.chunks.map((chunk) => {
      const section = sectionById.get(chunk.sectionId);
      const refs = [chunk.locator, ...chunk.cites, section?.id.replace(/^[a-z]+:/, '') ?? ''].join(' ');
      return { text: chunk.indexText, title: section?.title ?? '', refs, docId: chunk.docId };
    }),
  });
  const questionLexical = createLexicalIndex({ items: index.questions.map((question) => ({ text: question.text, title: '', refs: '', docId: question.docId })) });
  const dimensions = index.manifest.embedder.dimensions;
  const queryEmbeddings = createQueryEmbeddingCache(options.embedder, 500);
  // Retrieval searches passages, example questions and off-topic questions with the same texts: one matrix, one
  // product per text. The safety examples are searched with a message's sentences: a matrix of their own.
  const searched = [index.vectors, index.questionVectors, index.offTopicVectors];
  const sizes = searched.map((vectors) => vectors.getCurrentCount());
  const locate = (position: number): [VectorIndex, number] => {
    let set = 0;
    while (position >= sizes[set]) position -= sizes[set++];
    return [searched[set], position];
  };
  const retrieval = createSimilarityMatrix(dimensions, sizes.reduce((sum, size) => sum + size, 0), (position) => {
    const [vectors, label] = locate(position);
    return vectors.getPoint(label);
  });
  const [passageBlock, questionBlock, offTopicBlock] = columnBlocks(retrieval, sizes);
  const safetyMatrix = createSimilarityMatrix(dimensions, index.safetyVectors.getCurrentCount(), (label) => index.safetyVectors.getPoint(label));
  return {
    sections: index.sections,
    chunks: index.chunks,
    sectionById,
    chunkIndexesBySection,
    sectionPositionById,
    chunkSectionPositions,
    unitTerms: index.chunks.map((chunk) => contentTerms(chunk.indexText)),
    lexical,
    passageVectors: createVectorSet(passageBlock, (label) => index.chunks[label]?.docId),
    questions: index.questions,
    questionIndexesBySection,
    questionSectionPositions,
    questionPointChunks,
    questionLexical,
    questionVectors: createVectorSet(questionBlock, (label) => index.questions[label]?.docId),
    offTopicVectors: createVectorSet(offTopicBlock, () => undefined),
    safetyVectors: createVectorSet(safetyMatrix, () => undefined),
    safetyLevels: index.safety.map((example) => example.level),
    thesaurus: options.thesaurus,
    embed: (text) => queryEmbeddings.embed(text),
    embedMany: (texts) => queryEmbeddings.embedMany(texts),
    documentFrequency: options.documentFrequency,
    supersededDocs: options.supersededDocs,
    acronymTerms: new Set(index.acronyms.map((entry) => entry.acronym.toLowerCase())),
  };
}

function groupBy(keys: string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  keys.forEach((key, position) => groups.set(key, [...(groups.get(key) ?? []), position]));
  return groups;
}

/**
 * Exact search over one set of vectors, by its columns of a similarity matrix: the vectors are stored in hnswlib's
 * file format and read once at load, but at this size scoring all of them costs no more than an approximate
 * search with exact rescoring, and never misses.
 */
export function createVectorSet(matrix: SimilarityRows, docOf: (label: number) => string | undefined): VectorSet {
  const row = (vector: number[]) => matrix.rows([vector])[0];
  return {
    nearest(vector, options) {
      const scores = row(vector);
      const docId = options.docId;
      return topOfScores(scores, options.limit, docId ? (label) => docOf(label) === docId : undefined);
    },
    similarities(vector, indexes) {
      const scores = row(vector);
      const result = new Map<number, number>();
      for (const label of indexes) result.set(label, scores[label]);
      return result;
    },
    all: (vectors) => matrix.rows(vectors),
  };
}
