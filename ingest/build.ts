import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { chunkSections } from './chunk.js';
import { PROJECT_ROOT, type IngestConfig } from './config.js';
import { loadCorpusJson, readDocument, type CorpusJsonName } from './corpus.js';
import { createEmbedder, embedderId, type NamedEmbeddings } from './embedders/create-embedder.js';
import { EmbeddingCache } from './embedding-cache.js';
import { OFF_TOPIC_FILE, QUESTIONS_DIR, readOffTopicQuestions, resolveExampleQuestions, type QuestionReview } from './example-questions.js';
import { loadSafetyExamples, SAFETY_EXAMPLES_FILE } from './safety-examples.js';
import { currentLink, INDEX_FORMAT_VERSION, readCurrentManifest, writeIndex, type Manifest } from './index-store.js';
import { parseDocument, sha256 } from './parse.js';
import type { Acronym, Section } from './types.js';

const { HierarchicalNSW } = hnswlib;

export interface SectionChanges {
  added: string[];
  removed: string[];
  changed: string[];
}

export interface BuildSummary {
  manifest: Manifest;
  directory: string;
  changes: SectionChanges;
  /** Example questions to review: their section vanished, their point moved, or their section changed. */
  questionReview: QuestionReview & { sectionChanged: string[] };
  embedded: number;
  reused: number;
  milliseconds: number;
}

export type ProgressListener = (event: { done: number; total: number }) => void;

/** A hash of the ingest code itself: a parser change makes the old index stale. */
export function ingestCodeHash(): string {
  const dir = join(PROJECT_ROOT, 'ingest');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('cli.ts'))
    .sort();
  return sha256(files.map((name) => `${name}\n${readFileSync(join(dir, name), 'utf8')}`).join('\n'));
}

/**
 * sha256 of each curated file the build embeds (corpus/questions/*.jsonl, off-topic-questions.jsonl,
 * safety-examples.jsonl), by its path under corpus/: editing any of them makes the index stale.
 */
export function curatedFingerprint(corpusDir: string): Record<string, string> {
  const questionsDir = join(corpusDir, QUESTIONS_DIR);
  const names = [
    ...(existsSync(questionsDir) ? readdirSync(questionsDir).filter((name) => name.endsWith('.jsonl')).sort().map((name) => `${QUESTIONS_DIR}/${name}`) : []),
    OFF_TOPIC_FILE,
    SAFETY_EXAMPLES_FILE,
  ];
  return Object.fromEntries(names.filter((name) => existsSync(join(corpusDir, name))).map((name) => [name, sha256(readFileSync(join(corpusDir, name), 'utf8'))]));
}

/** What the corpus looks like now, for staleness checks without parsing or embedding. */
export function corpusFingerprint(config: IngestConfig): { jsonFiles: Record<CorpusJsonName, string>; curatedFiles: Record<string, string>; files: Array<{ id: string; file: string; sha256: string }> } {
  const { corpusJson, jsonFiles } = loadCorpusJson(config.corpusDir);
  const files = corpusJson['sources.json'].documents.map((source) => ({ id: source.id, file: source.file, sha256: sha256(readDocument(config.corpusDir, source)) }));
  return { jsonFiles, curatedFiles: curatedFingerprint(config.corpusDir), files };
}

/** The first file (by name) whose sha256 differs between two fingerprints, or that only one of them has. */
function firstChanged(now: Record<string, string>, before: Record<string, string>): string | undefined {
  return [...new Set([...Object.keys(now), ...Object.keys(before)])].find((name) => now[name] !== before[name]);
}

/** Says why the live index is stale (or undefined when it is current). */
export function staleReason(config: IngestConfig): string | undefined {
  const manifest = readCurrentManifest(config.dataDir);
  if (!manifest) return existsSync(currentLink(config.dataDir)) ? 'the live index was written in an older format (or cannot be read)' : 'there is no index yet';
  if (manifest.embedder.id !== embedderId(config.embedder)) return `it was built with embedder ${manifest.embedder.id}`;
  if (manifest.codeHash !== ingestCodeHash()) return 'the ingest code has changed since it was built';
  const now = corpusFingerprint(config);
  const changed = firstChanged(now.jsonFiles, manifest.corpus.jsonFiles) ?? firstChanged(now.curatedFiles, manifest.corpus.curatedFiles);
  if (changed) return `corpus/${changed} has changed`;
  for (const file of now.files) {
    const before = manifest.corpus.documents.find((document) => document.id === file.id);
    if (!before || before.sha256 !== file.sha256) return `${file.file} has changed`;
  }
  if (now.files.length !== manifest.corpus.documents.length) return 'a document was removed';
  return undefined;
}

/**
 * Parses, chunks and embeds the corpus and writes a new index atomically. Embeddings are reused from
 * the cache by content hash, so editing one section re-embeds only that section's chunks.
 */
export async function buildIndex(options: { config: IngestConfig; embedder?: NamedEmbeddings; onProgress?: ProgressListener }): Promise<BuildSummary> {
  const started = Date.now();
  const { config } = options;
  // Validated first, so a bad hotlines.json stops the build before anything is embedded.
  const { corpusJson, jsonFiles } = loadCorpusJson(config.corpusDir);
  const curatedFiles = curatedFingerprint(config.corpusDir);
  const sources = corpusJson['sources.json'].documents;
  const sections: Section[] = [];
  const acronyms: Acronym[] = [];
  const documents: Manifest['corpus']['documents'] = [];
  for (const source of sources) {
    const text = readDocument(config.corpusDir, source);
    const parsed = parseDocument(source, text);
    const chunkCount = (await chunkSections(parsed.sections)).length;
    sections.push(...parsed.sections);
    acronyms.push(...parsed.acronyms);
    documents.push({ id: source.id, file: source.file, sha256: sha256(text), sections: parsed.sections.length, chunks: chunkCount });
  }
  const chunks = await chunkSections(sections);
  const { questions, review } = resolveExampleQuestions({ corpusDir: config.corpusDir, sections, chunks });
  const embedder = options.embedder ?? createEmbedder(config.embedder);
  const cache = new EmbeddingCache(config.dataDir, embedder.id);
  const offTopic = readOffTopicQuestions(config.corpusDir);
  const safety = existsSync(join(config.corpusDir, SAFETY_EXAMPLES_FILE)) ? loadSafetyExamples(config.corpusDir) : [];
  const texts = [...chunks.map((chunk) => chunk.indexText), ...questions.map((question) => question.text), ...offTopic, ...safety.map((example) => example.text)];
  const missing = [...new Set(texts.filter((text) => !cache.get(text)))];
  const batchSize = 32;
  for (let start = 0; start < missing.length; start += batchSize) {
    const batch = missing.slice(start, start + batchSize);
    const vectors = await embedder.embedDocuments(batch);
    if (vectors.length !== batch.length) throw new Error(`the embedder returned ${vectors.length} vectors for ${batch.length} texts`);
    batch.forEach((text, index) => cache.set(text, vectors[index]));
    options.onProgress?.({ done: Math.min(start + batchSize, missing.length), total: missing.length });
  }
  const vectors = texts.map((text) => cache.get(text)!);
  const dimensions = vectors[0]?.length ?? 0;
  if (dimensions === 0 || vectors.some((vector) => vector.length !== dimensions)) {
    throw new Error('the embedder returned vectors of differing or zero length');
  }
  cache.retainOnly(texts);
  cache.save();

  const index = vectorIndex(vectors.slice(0, chunks.length), dimensions);
  const questionVectors = vectorIndex(vectors.slice(chunks.length, chunks.length + questions.length), dimensions);
  const offTopicVectors = vectorIndex(vectors.slice(chunks.length + questions.length, chunks.length + questions.length + offTopic.length), dimensions);
  const safetyVectors = vectorIndex(vectors.slice(chunks.length + questions.length + offTopic.length), dimensions);

  const previous = readCurrentManifest(config.dataDir);
  const sectionHashes = Object.fromEntries(sections.map((section) => [section.id, sha256(JSON.stringify([section.path, section.text]))]));
  const builtAt = new Date().toISOString();
  const manifest: Manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    buildId: `${builtAt.replace(/[-:.TZ]/g, '').slice(0, 14)}-${sha256(JSON.stringify([sectionHashes, jsonFiles, curatedFiles]) + embedder.id).slice(0, 8)}-${process.pid}`,
    builtAt,
    codeHash: ingestCodeHash(),
    embedder: { id: embedder.id, dimensions },
    corpus: { jsonFiles, curatedFiles, documents },
    counts: { sections: sections.length, chunks: chunks.length, questions: questions.length, offTopic: offTopic.length, safety: safety.length },
    sectionHashes,
  };
  const directory = writeIndex({ dataDir: config.dataDir, manifest, sections, acronyms, chunks, vectors: index, questions, questionVectors, offTopic, offTopicVectors, safety, safetyVectors, corpusJson });
  const changes = diffSections(previous?.sectionHashes ?? {}, sectionHashes);
  const changed = new Set(changes.changed);
  return {
    manifest,
    directory,
    changes,
    questionReview: { ...review, sectionChanged: [...new Set(questions.filter((question) => changed.has(question.sectionId)).map((question) => question.sectionId))] },
    embedded: missing.length,
    reused: texts.length - missing.length,
    milliseconds: Date.now() - started,
  };
}

/** An exact-enough HNSW index over the given vectors, labelled by position. */
function vectorIndex(vectors: number[][], dimensions: number): InstanceType<typeof HierarchicalNSW> {
  const index = new HierarchicalNSW('cosine', dimensions);
  index.initIndex({ maxElements: Math.max(1, vectors.length), m: 16, efConstruction: 200, randomSeed: 42 });
  vectors.forEach((vector, label) => index.addPoint(vector, label));
  return index;
}

/** Sections added, removed and changed between two builds. */
export function diffSections(before: Record<string, string>, after: Record<string, string>): SectionChanges {
  const added = Object.keys(after).filter((id) => !(id in before));
  const removed = Object.keys(before).filter((id) => !(id in after));
  const changed = Object.keys(after).filter((id) => id in before && before[id] !== after[id]);
  return { added, removed, changed };
}
