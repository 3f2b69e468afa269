import type { Embeddings } from '@langchain/core/embeddings';
import type { Hotline, Source } from '../ingest/corpus.js';
import { createEmbedder, embedderId } from '../ingest/embedders/create-embedder.js';
import { loadIndex, type Manifest } from '../ingest/index-store.js';
import { createPlaceChecker, type PlaceCheck } from './answer/jurisdiction.js';
import type { ServerConfig } from './config.js';
import { createThesaurus } from './retrieve/query-expansion.js';
import { similarityBackendReady } from './retrieve/similarity-matrix.js';
import { createSearchIndex, type SearchIndex } from './retrieve/search-index.js';
import { contentTerms } from './retrieve/terms.js';
import { createSafetyClassifier, type SafetyClassifier } from './safety/classifier.js';

/**
 * One loaded index and everything derived from it; requests read one snapshot from start to end. All of
 * it comes from the build, never from corpus/, so a swap changes passages, sources and hotlines at once.
 */
export interface IndexSnapshot {
  manifest: Manifest;
  directory: string;
  search: SearchIndex;
  /** The safety classifier over the build's labelled examples: swapped with the index, like everything it ships. */
  safety: SafetyClassifier;
  /** The documents' titles, dates, addresses and known differences (the build's sources.json), by id. */
  sourceById: Map<string, Source>;
  /** The hotlines (the build's hotlines.json). */
  hotlines: Hotline[];
  /** Finds places in a question that the documents do not speak for (the build's places.json). */
  placesIn: (text: string) => PlaceCheck;
  loadedAt: string;
}

/** What the server runs on. `snapshot` is replaced whole when a new index is picked up. */
export interface Runtime {
  config: ServerConfig;
  embedder: Embeddings;
  snapshot: IndexSnapshot;
}

/** Loads the live index and builds the search structures for it. */
export function loadSnapshot(options: { config: ServerConfig; embedder: Embeddings; directory?: string }): IndexSnapshot {
  const index = loadIndex({ dataDir: options.config.ingest.dataDir, directory: options.directory, expectedEmbedderId: embedderId(options.config.ingest.embedder) });
  const sources = index.corpusJson['sources.json'].documents;
  const supersededDocs = new Set(sources.filter((source) => source.supersededBy).map((source) => source.id));
  const documentFrequency = new Map<string, number>();
  for (const section of index.sections) {
    for (const term of new Set(contentTerms(`${section.title} ${section.text} ${section.cites.join(' ')} ${section.locator}`))) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const thesaurus = createThesaurus(index.corpusJson['synonyms.json'].groups, index.acronyms);
  return {
    manifest: index.manifest,
    directory: index.directory,
    search: createSearchIndex({ index, embedder: options.embedder, thesaurus, documentFrequency, supersededDocs }),
    safety: createSafetyClassifier({ examples: index.safety, vectors: index.safety.map((_, label) => index.safetyVectors.getPoint(label)) }),
    sourceById: new Map(sources.map((source) => [source.id, source])),
    hotlines: index.corpusJson['hotlines.json'].hotlines,
    placesIn: createPlaceChecker(index.corpusJson['places.json']),
    loadedAt: new Date().toISOString(),
  };
}

/** Creates the runtime: the embedder and the first index snapshot. */
export async function createRuntime(options: { config: ServerConfig; embedder?: Embeddings }): Promise<Runtime> {
  const { config } = options;
  const embedder = options.embedder ?? createEmbedder(config.ingest.embedder);
  // The similarity product's backend first, so the snapshot's matrix is built at load (plain loops would stand in:
  // the same scores, slower).
  await similarityBackendReady;
  const snapshot = loadSnapshot({ config, embedder });
  // Warm the encoder so the first person to ask does not wait for the model to load.
  await embedder.embedQuery('order of protection');
  return { config, embedder, snapshot };
}
