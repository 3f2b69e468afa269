import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { z } from 'zod';
import { CORPUS_JSON_FILES, parseCorpusJson, type CorpusJson } from './corpus.js';
import type { ExampleQuestion } from './example-questions.js';
import type { SafetyExample } from './safety-examples.js';
import type { Acronym, Chunk, Section } from './types.js';

const { HierarchicalNSW } = hnswlib;
export type VectorIndex = InstanceType<typeof HierarchicalNSW>;

export const INDEX_FORMAT_VERSION = 3;

/** The files of one build besides its manifest; the manifest records each one's checksum and size. */
export const INDEX_FILES = [
  'sections.json',
  'chunks.json',
  'vectors.hnsw',
  'questions.json',
  'questions.hnsw',
  'off-topic.json',
  'off-topic.hnsw',
  'safety.json',
  'safety.hnsw',
  'sources.json',
  'hotlines.json',
  'places.json',
  'synonyms.json',
] as const;
const FILE_ROLES: Record<(typeof INDEX_FILES)[number], string> = {
  'sections.json': 'the sections',
  'chunks.json': 'the chunks',
  'vectors.hnsw': 'the vector index',
  'questions.json': 'the example questions',
  'questions.hnsw': 'the example questions\' vectors',
  'off-topic.json': 'the off-topic questions',
  'off-topic.hnsw': 'the off-topic questions\' vectors',
  'safety.json': 'the safety examples',
  'safety.hnsw': 'the safety examples\' vectors',
  'sources.json': 'the documents\' titles, dates and addresses',
  'hotlines.json': 'the hotlines',
  'places.json': 'the places the documents do and do not speak for',
  'synonyms.json': 'the synonyms',
};

/** How many builds besides the live one `npm run ingest` keeps, newest first by time. */
export const KEEP_PREVIOUS_BUILDS = 3;
/** A build (or an unfinished temp folder) younger than this is never deleted: a server or another ingest may be just starting on it. */
export const PRUNE_MIN_AGE_MS = 10 * 60_000;

export const manifestSchema = z.object({
  formatVersion: z.literal(INDEX_FORMAT_VERSION),
  buildId: z.string(),
  builtAt: z.string(),
  codeHash: z.string(),
  embedder: z.object({ id: z.string(), dimensions: z.number().int().positive() }),
  corpus: z.object({
    /** sha256 of each corpus JSON file as ingest read it (CORPUS_JSON_FILES), to tell when the build is stale. */
    jsonFiles: z.record(z.string(), z.string()),
    /** sha256 of each curated file the build embeds (example, off-topic and safety questions), by path under corpus/. */
    curatedFiles: z.record(z.string(), z.string()),
    documents: z.array(z.object({ id: z.string(), file: z.string(), sha256: z.string(), sections: z.number(), chunks: z.number() })),
  }),
  counts: z.object({ sections: z.number().int().nonnegative(), chunks: z.number().int().positive(), questions: z.number().int().nonnegative(), offTopic: z.number().int().nonnegative(), safety: z.number().int().nonnegative() }),
  sectionHashes: z.record(z.string(), z.string()),
  /** sha256 and size of each data file, written by writeIndex and checked on every load. */
  files: z.record(z.string(), z.object({ sha256: z.string(), bytes: z.number().int().nonnegative() })).optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** What one build holds besides its manifest: what ingest writes and the server reads. */
export interface IndexContent {
  sections: Section[];
  acronyms: Acronym[];
  chunks: Chunk[];
  vectors: VectorIndex;
  /** Curated example questions and their vectors (label = position in `questions`). */
  questions: ExampleQuestion[];
  questionVectors: VectorIndex;
  /** Questions about other subjects (corpus/off-topic-questions.jsonl) and their vectors. */
  offTopic: string[];
  offTopicVectors: VectorIndex;
  /** Labelled safety examples (corpus/safety-examples.jsonl) and their vectors, for the safety classifier. */
  safety: SafetyExample[];
  safetyVectors: VectorIndex;
  /**
   * corpus/sources.json, hotlines.json, places.json and synonyms.json as ingest validated them. The
   * server reads them from the build only, so a swap changes them together with the passages.
   */
  corpusJson: CorpusJson;
}

/** Everything the server needs from one build. */
export interface LoadedIndex extends IndexContent {
  directory: string;
  manifest: Manifest;
}

/** Raised when the index is missing, partial or built with another embedder; says what to run. */
export class IndexError extends Error {}

/** The symlink that names the live build; swapping it is one atomic rename. */
export function currentLink(dataDir: string): string {
  return join(dataDir, 'current');
}

/** Writes a complete build into a temp folder, renames it into place, then swaps the "current" link. */
export function writeIndex(options: IndexContent & { dataDir: string; manifest: Manifest }): string {
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
  writeFileSync(join(tempDir, 'off-topic.json'), JSON.stringify(options.offTopic));
  options.offTopicVectors.writeIndexSync(join(tempDir, 'off-topic.hnsw'));
  writeFileSync(join(tempDir, 'safety.json'), JSON.stringify(options.safety));
  options.safetyVectors.writeIndexSync(join(tempDir, 'safety.hnsw'));
  for (const name of CORPUS_JSON_FILES) writeFileSync(join(tempDir, name), JSON.stringify(options.corpusJson[name]));
  // Checksums of what is on disk, so a server can tell a whole build from a damaged or mixed one before serving it.
  const files = Object.fromEntries(INDEX_FILES.map((name) => [name, fileDigest(join(tempDir, name))]));
  // The manifest goes last: a folder without one is never a finished build.
  writeFileSync(join(tempDir, 'manifest.json'), JSON.stringify({ ...options.manifest, files }, null, 2));
  renameSync(tempDir, finalDir);
  const link = currentLink(options.dataDir);
  const previous = resolveBuild(link);
  const tempLink = `${link}.tmp-${process.pid}`;
  rmSync(tempLink, { force: true });
  symlinkSync(join('builds', options.manifest.buildId), tempLink);
  renameSync(tempLink, link);
  pruneBuilds({ dataDir: options.dataDir, protect: [finalDir, ...(previous ? [previous] : [])] });
  return finalDir;
}

function fileDigest(path: string): { sha256: string; bytes: number } {
  const bytes = readFileSync(path);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

function resolveBuild(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Deletes old builds, keeping the one `current` names, any folder in `protect`, the newest
 * KEEP_PREVIOUS_BUILDS others by modification time (not by name: a rolled-back or copied build may
 * have any name), and anything younger than PRUNE_MIN_AGE_MS, which a server or a concurrent ingest
 * may be loading right now. Returns the names it deleted.
 */
export function pruneBuilds(options: { dataDir: string; protect?: string[]; keep?: number; minAgeMs?: number; now?: number }): string[] {
  const buildsDir = join(options.dataDir, 'builds');
  if (!existsSync(buildsDir)) return [];
  const keep = options.keep ?? KEEP_PREVIOUS_BUILDS;
  const minAgeMs = options.minAgeMs ?? PRUNE_MIN_AGE_MS;
  const now = options.now ?? Date.now();
  const live = resolveBuild(currentLink(options.dataDir));
  const protect = new Set([...(options.protect ?? []), ...(live ? [live] : [])].map((path) => resolveBuild(path) ?? path));
  const entries = readdirSync(buildsDir).flatMap((name) => {
    const path = join(buildsDir, name);
    try {
      return [{ name, path, mtimeMs: statSync(path).mtimeMs, temp: name.includes('.tmp-') }];
    } catch {
      return [];
    }
  });
  const deletable = (entry: { path: string; mtimeMs: number }) => !protect.has(resolveBuild(entry.path) ?? entry.path) && now - entry.mtimeMs >= minAgeMs;
  const finished = entries.filter((entry) => !entry.temp && !protect.has(resolveBuild(entry.path) ?? entry.path)).sort((left, right) => right.mtimeMs - left.mtimeMs);
  // Unfinished temp folders left by a crashed ingest go once they are old enough; a young one may be another ingest at work.
  const doomed = [...finished.slice(keep), ...entries.filter((entry) => entry.temp)].filter(deletable);
  for (const entry of doomed) rmSync(entry.path, { recursive: true, force: true });
  return doomed.map((entry) => entry.name);
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
  const broken = (what: string) => new IndexError(`The index at ${directory} is corrupt (${what}). Run "npm run ingest" to rebuild it.`);
  const readBytes = (name: string): Buffer => {
    try {
      return readFileSync(join(directory, name));
    } catch {
      const role = FILE_ROLES[name as (typeof INDEX_FILES)[number]];
      throw new IndexError(`The index at ${directory} is incomplete (${role ? `${role}, ` : ''}${name} is missing). Run "npm run ingest" to rebuild it.`);
    }
  };
  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(readBytes('manifest.json').toString('utf8')));
  } catch (error) {
    if (error instanceof IndexError) throw error;
    throw broken(`manifest.json: ${(error as Error).message.split('\n')[0]}`);
  }
  if (options.expectedEmbedderId && manifest.embedder.id !== options.expectedEmbedderId) {
    throw new IndexError(
      `The index was built with embedder "${manifest.embedder.id}" but the server is configured for "${options.expectedEmbedderId}". ` +
        'Run "npm run ingest" with the same LUMEN_EMBEDDER settings, or change the settings back.',
    );
  }
  // Every file must be the one this manifest was written with: a half-copied or mixed folder is refused whole.
  if (!manifest.files) throw broken('its manifest has no file checksums; it was written by an older ingest');
  const bytes = new Map<string, Buffer>();
  for (const name of INDEX_FILES) {
    const expected = manifest.files[name];
    if (!expected) throw broken(`its manifest has no checksum for ${name}`);
    const content = readBytes(name);
    if (content.length !== expected.bytes) throw broken(`${name} is ${content.length} bytes, its manifest says ${expected.bytes}`);
    if (createHash('sha256').update(content).digest('hex') !== expected.sha256) throw broken(`${name} does not match its checksum in the manifest`);
    bytes.set(name, content);
  }
  let stored: { sections: Section[]; acronyms: Acronym[] };
  let chunks: Chunk[];
  let questions: ExampleQuestion[];
  let offTopic: string[];
  let safety: SafetyExample[];
  let corpusJson: CorpusJson;
  try {
    stored = JSON.parse(bytes.get('sections.json')!.toString('utf8'));
    chunks = JSON.parse(bytes.get('chunks.json')!.toString('utf8'));
    questions = JSON.parse(bytes.get('questions.json')!.toString('utf8'));
    offTopic = JSON.parse(bytes.get('off-topic.json')!.toString('utf8'));
    safety = JSON.parse(bytes.get('safety.json')!.toString('utf8'));
    // The same schemas ingest validated the corpus files with.
    corpusJson = Object.fromEntries(CORPUS_JSON_FILES.map((name) => [name, parseCorpusJson(name, bytes.get(name)!.toString('utf8'), name)])) as CorpusJson;
  } catch (error) {
    throw broken((error as Error).message.split('\n')[0]);
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
  const offTopicVectors = readVectors('off-topic.hnsw');
  const safetyVectors = readVectors('safety.hnsw');
  const offTopicProblem =
    !Array.isArray(offTopic) || offTopic.length !== manifest.counts.offTopic || offTopicVectors.getCurrentCount() !== offTopic.length
      ? 'the off-topic questions do not match their count or vectors'
      : !Array.isArray(safety) || safety.length !== manifest.counts.safety || safetyVectors.getCurrentCount() !== safety.length
        ? 'the safety examples do not match their count or vectors'
        : undefined;
  const listed = new Set(corpusJson['sources.json'].documents.map((source) => source.id));
  const unlisted = manifest.corpus.documents.find((document) => !listed.has(document.id));
  const sourcesProblem = unlisted ? `document "${unlisted.id}" has no entry in sources.json` : undefined;
  const problem = inconsistency(manifest, stored, chunks, vectors) ?? questionInconsistency(manifest, stored.sections, questions, questionVectors) ?? offTopicProblem ?? sourcesProblem;
  if (problem) throw new IndexError(`The index at ${directory} does not fit together (${problem}). Run "npm run ingest" to rebuild it.`);
  return { directory, manifest, sections: stored.sections, acronyms: stored.acronyms ?? [], chunks, vectors, questions, questionVectors, offTopic, offTopicVectors, safety, safetyVectors, corpusJson };
}

/**
 * What makes a build's parts disagree, or undefined when they fit: counts against the manifest, unique
 * ids, every chunk on a section that exists (in the same document), every section in a known document,
 * and one vector per chunk labelled by its position. Any of these broken makes every answer fail.
 */
/** The example questions fit too: counted right, each on an existing section, one vector each. */
function questionInconsistency(manifest: Manifest, sections: Section[], questions: ExampleQuestion[], vectors: VectorIndex): string | undefined {
  if (!Array.isArray(questions)) return 'questions.json holds no question list';
  if (questions.length !== manifest.counts.questions) return `${questions.length} example questions, the manifest says ${manifest.counts.questions}`;
  if (vectors.getCurrentCount() !== questions.length) return `${vectors.getCurrentCount()} vectors for ${questions.length} example questions`;
  const ids = new Set(sections.map((section) => section.id));
  const stray = questions.find((question) => typeof question?.text !== 'string' || !ids.has(question.sectionId));
  return stray ? `an example question points at section "${String(stray?.sectionId).slice(0, 80)}", which does not exist` : undefined;
}

function inconsistency(manifest: Manifest, stored: { sections: Section[]; acronyms?: Acronym[] }, chunks: Chunk[], vectors: VectorIndex): string | undefined {
  if (!stored || !Array.isArray(stored.sections)) return 'sections.json holds no section list';
  if (!Array.isArray(chunks)) return 'chunks.json holds no chunk list';
  const { sections } = stored;
  if (sections.length !== manifest.counts.sections) return `${sections.length} sections, the manifest says ${manifest.counts.sections}`;
  if (chunks.length !== manifest.counts.chunks) return `${chunks.length} chunks, the manifest says ${manifest.counts.chunks}`;
  const vectorCount = vectors.getCurrentCount();
  if (vectorCount !== chunks.length) return `${vectorCount} vectors for ${chunks.length} chunks`;
  const documents = new Set(manifest.corpus.documents.map((document) => document.id));
  const docOf = new Map<string, string>();
  for (const section of sections) {
    if (typeof section?.id !== 'string' || typeof section.text !== 'string' || !Array.isArray(section.blocks)) return 'a section lacks its id, text or blocks';
    if (docOf.has(section.id)) return `section id "${section.id.slice(0, 80)}" appears twice`;
    if (!documents.has(section.docId)) return `section "${section.id.slice(0, 80)}" belongs to document "${String(section.docId).slice(0, 40)}", which the manifest does not list`;
    docOf.set(section.id, section.docId);
  }
  const chunkIds = new Set<string>();
  for (const chunk of chunks) {
    if (typeof chunk?.id !== 'string' || typeof chunk.text !== 'string') return 'a chunk lacks its id or text';
    if (chunkIds.has(chunk.id)) return `chunk id "${chunk.id.slice(0, 80)}" appears twice`;
    chunkIds.add(chunk.id);
    const docId = docOf.get(chunk.sectionId);
    if (docId === undefined) return `chunk "${chunk.id.slice(0, 80)}" points at section "${String(chunk.sectionId).slice(0, 80)}", which does not exist`;
    if (docId !== chunk.docId) return `chunk "${chunk.id.slice(0, 80)}" says document "${String(chunk.docId).slice(0, 40)}" but its section is in "${docId}"`;
  }
  // Vector labels are chunk positions; a label outside 0..n-1 would name no chunk.
  const labels = vectors.getIdsList();
  if (labels.some((label) => !Number.isInteger(label) || label < 0 || label >= chunks.length) || new Set(labels).size !== labels.length) return 'the vector labels are not the chunk positions';
  return undefined;
}
