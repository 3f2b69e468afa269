import type { Embeddings } from '@langchain/core/embeddings';
import { loadHotlines, loadSources, type Hotline, type Source } from '../ingest/corpus.js';
import { createEmbedder, embedderId } from '../ingest/embedders/create-embedder.js';
import { loadIndex, type Manifest } from '../ingest/index-store.js';
import { createPlaceChecker, type PlaceCheck } from './answer/jurisdiction.js';
import type { ServerConfig } from './config.js';
import { loadThesaurus } from './retrieve/query-expansion.js';
import { createSearchIndex, type SearchIndex } from './retrieve/search-index.js';
import { contentTerms } from './retrieve/terms.js';
import { createSafetyClassifier, type SafetyClassifier } from './safety/classifier.js';

/** One loaded index and everything derived from it; requests read one snapshot from start to end. */
export interface IndexSnapshot {
  manifest: Manifest;
  directory: string;
  search: SearchIndex;
  /** The safety classifier over the build's labelled examples: swapped with the index, like everything it ships. */
  safety: SafetyClassifier;
  loadedAt: string;
}

/** What the server runs on. `snapshot` is replaced whole when a new index is picked up. */
export interface Runtime {
  config: ServerConfig;
  sources: Source[];
  sourceById: Map<string, Source>;
  hotlines: Hotline[];
  embedder: Embeddings;
  snapshot: IndexSnapshot;
  /** Finds places in a question that the documents do not speak for (corpus/places.json). */
  placesIn: (text: string) => PlaceCheck;
}

/** Loads the live index and builds the search structures for it. */
export function loadSnapshot(options: { config: ServerConfig; embedder: Embeddings; directory?: string }): IndexSnapshot {
  const supersededDocs = new Set(loadSources(options.config.ingest.corpusDir).filter((source) => source.supersededBy).map((source) => source.id));
  const index = loadIndex({ dataDir: options.config.ingest.dataDir, directory: options.directory, expectedEmbedderId: embedderId(options.config.ingest.embedder) });
  const documentFrequency = new Map<string, number>();
  for (const section of index.sections) {
    for (const term of new Set(contentTerms(`${section.title} ${section.text} ${section.cites.join(' ')} ${section.locator}`))) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const thesaurus = loadThesaurus(options.config.ingest.corpusDir, index.acronyms);
  return {
    manifest: index.manifest,
    directory: index.directory,
    search: createSearchIndex({ index, embedder: options.embedder, thesaurus, documentFrequency, supersededDocs }),
    safety: createSafetyClassifier({ examples: index.safety, vectors: index.safety.map((_, label) => index.safetyVectors.getPoint(label)) }),
    loadedAt: new Date().toISOString(),
  };
}

/** Creates the runtime: corpus metadata, hotlines, the embedder and the first index snapshot. */
export async function createRuntime(options: { config: ServerConfig; embedder?: Embeddings }): Promise<Runtime> {
  const { config } = options;
  const sources = loadSources(config.ingest.corpusDir);
  const hotlines = loadHotlines(config.ingest.corpusDir);
  const embedder = options.embedder ?? createEmbedder(config.ingest.embedder);
  const snapshot = loadSnapshot({ config, embedder });
  // Warm the encoder so the first person to ask does not wait for the model to load.
  await embedder.embedQuery('order of protection');
  const placesIn = createPlaceChecker(config.ingest.corpusDir);
  return { config, sources, sourceById: new Map(sources.map((source) => [source.id, source])), hotlines, embedder, snapshot, placesIn };
}
