import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { z } from 'zod';
import type { ExampleQuestion } from './example-questions.js';
import type { Acronym, Chunk, Section } from './types.js';

const { HierarchicalNSW } = hnswlib;
export type VectorIndex = InstanceType<typeof HierarchicalNSW>;

export const INDEX_FORMAT_VERSION = 2;
const KEEP_BUILDS = 3;

export const manifestSchema = z.object({
  formatVersion: z.literal(INDEX_FORMAT_VERSION),
  buildId: z.string(),
  builtAt: z.string(),
  codeHash: z.string(),
  embedder: z.object({ id: z.string(), dimensions: z.number().int().positive() }),
  corpus: z.object({
    sourcesHash: z.string(),
    documents: z.array(z.object({ id: z.string(), file: z.string(), sha256: z.string(), sections: z.number(), chunks: z.number() })),
  }),
  counts: z.object({ sections: z.number().int().nonnegative(), chunks: z.number().int().positive(), questions: z.number().int().nonnegative() }),
  sectionHashes: z.record(z.string(), z.string()),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Everything the server needs from one build. */
export interface LoadedIndex {
  directory: string;
  manifest: Manifest;
  sections: Section[];
  acronyms: Acronym[];
  chunks: Chunk[];
  vectors: VectorIndex;
  /** Curated example questions and their vectors (label = position in `questions`). */
  questions: ExampleQuestion[];
  questionVectors: VectorIndex;
}

/** Raised when the index is missing, partial or built with another embedder; says what to run. */
export class IndexError extends Error {}

/** The symlink that names the live build; swapping it is one atomic rename. */
export function currentLink(dataDir: string): string {
  return join(dataDir, 'current');
}

/** Writes a complete build into a temp folder, renames it into place, then swaps the "current" link. */
export function writeIndex(options: {
  dataDir: string;
  manifest: Manifest;
  sections: Section[];
  acronyms: Acronym[];
  chunks: Chunk[];
  vectors: VectorIndex;
  questions: ExampleQuestion[];
  questionVectors: VectorIndex;
}): string {
  const buildsDir = join(options.dataDir, 'builds');
  mkdirSync(buildsDir, { recursive: true });
  const finalDir = join(buildsDir, options.manifest.buildId);
  const tempDir = `${finalDir}.tmp-${process.pid}`;
  rmSync(tempDir, { recursive: true, force: true });
  mkdirSync(tempDir);
  writeFileSync(join(tempDir, 'sections.json'), JSON.stringify({ sections: options.sections, acronyms: options.acronyms }));
  writeFileSync(join(tempDir, 'chunks.json'), JSON.stringify(options.chunks));
  options.vectors.writeIndexSync(join(tempDir, 'vectors.hnsw'));
  writeFileSync(join(tempDir, 'questions.json'), JSON.stringify(options.questions));
  options.questionVectors.writeIndexSync(join(tempDir, 'questions.hnsw'));
  // The manifest goes last: a folder without one is never a finished build.
  writeFileSync(join(tempDir, 'manifest.json'), JSON.stringify(options.manifest, null, 2));
  renameSync(tempDir, finalDir);
  const link = currentLink(options.dataDir);
  const tempLink = `${link}.tmp-${process.pid}`;
  rmSync(tempLink, { force: true });
  symlinkSync(join('builds', options.manifest.buildId), tempLink);
  renameSync(tempLink, link);
  pruneBuilds(buildsDir, options.manifest.buildId);
  return finalDir;
}

/** Keeps the newest builds so a server still reading an older one is not pulled from under it. */
function pruneBuilds(buildsDir: string, keep: string): void {
  const builds = readdirSync(buildsDir).filter((name) => !name.includes('.tmp-')).sort();
  const stale = builds.filter((name) => name !== keep).slice(0, Math.max(0, builds.length - KEEP_BUILDS));
  for (const name of stale) rmSync(join(buildsDir, name), { recursive: true, force: true });
  for (const name of readdirSync(buildsDir).filter((entry) => entry.includes('.tmp-'))) {
    rmSync(join(buildsDir, name), { recursive: true, force: true });
  }
}

/** Reads the manifest of the live build, or undefined when there is none. */
export function readCurrentManifest(dataDir: string): Manifest | undefined {
  const link = currentLink(dataDir);
  if (!existsSync(link)) return undefined;
  try {
    return manifestSchema.parse(JSON.parse(readFileSync(join(realpathSync(link), 'manifest.json'), 'utf8')));
  } catch {
    return undefined;
  }
}

/** Loads the live build (or a given build folder) and checks it is whole and made by the expected embedder. */
export function loadIndex(options: { dataDir: string; directory?: string; expectedEmbedderId?: string }): LoadedIndex {
  const link = currentLink(options.dataDir);
  if (!options.directory && !existsSync(link)) {
    throw new IndexError(`No index at ${options.dataDir}. Run "npm run ingest" to build it.`);
  }
  const directory = options.directory ?? realpathSync(link);
  const read = (name: string): string => {
    try {
      return readFileSync(join(directory, name), 'utf8');
    } catch {
      throw new IndexError(`The index at ${directory} is incomplete (${name} is missing). Run "npm run ingest" to rebuild it.`);
    }
  };
  let manifest: Manifest;
  let stored: { sections: Section[]; acronyms: Acronym[] };
  let chunks: Chunk[];
  let questions: ExampleQuestion[];
  try {
    manifest = manifestSchema.parse(JSON.parse(read('manifest.json')));
    stored = JSON.parse(read('sections.json'));
    chunks = JSON.parse(read('chunks.json'));
    questions = JSON.parse(read('questions.json'));
  } catch (error) {
    if (error instanceof IndexError) throw error;
    throw new IndexError(`The index at ${directory} is corrupt (${(error as Error).message.split('\n')[0]}). Run "npm run ingest" to rebuild it.`);
  }
  if (options.expectedEmbedderId && manifest.embedder.id !== options.expectedEmbedderId) {
    throw new IndexError(
      `The index was built with embedder "${manifest.embedder.id}" but the server is configured for "${options.expectedEmbedderId}". ` +
        'Run "npm run ingest" with the same LUMEN_EMBEDDER settings, or change the settings back.',
    );
  }
  const readVectors = (name: string): VectorIndex => {
    const vectors = new HierarchicalNSW('cosine', manifest.embedder.dimensions);
    try {
      vectors.readIndexSync(join(directory, name), true);
    } catch (error) {
      throw new IndexError(`The vector index ${name} at ${directory} cannot be read (${(error as Error).message}). Run "npm run ingest" to rebuild it.`);
    }
    return vectors;
  };
  const vectors = readVectors('vectors.hnsw');
  const questionVectors = readVectors('questions.hnsw');
  if (
    !Array.isArray(stored.sections) ||
    stored.sections.length !== manifest.counts.sections ||
    chunks.length !== manifest.counts.chunks ||
    vectors.getCurrentCount() !== manifest.counts.chunks ||
    !Array.isArray(questions) ||
    questions.length !== manifest.counts.questions ||
    questionVectors.getCurrentCount() !== Math.max(manifest.counts.questions, 0)
  ) {
    throw new IndexError(`The index at ${directory} does not match its manifest (counts differ). Run "npm run ingest" to rebuild it.`);
  }
  return { directory, manifest, sections: stored.sections, acronyms: stored.acronyms ?? [], chunks, vectors, questions, questionVectors };
}
