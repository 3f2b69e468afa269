import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './config.js';
import { loadCorpusJson } from './corpus.js';
import { currentLink, INDEX_FORMAT_VERSION, loadIndex, writeIndex, type Manifest } from './index-store.js';
import type { Chunk, Section } from './types.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'lumen-prune-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const MINUTE = 60_000;

/** A finished-looking build folder whose modification time is `ageMs` ago. */
function oldBuild(dataDir: string, name: string, ageMs: number): void {
  const directory = join(dataDir, 'builds', name);
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'manifest.json'), '{}');
  const when = new Date(Date.now() - ageMs);
  utimesSync(join(directory, 'manifest.json'), when, when);
  utimesSync(directory, when, when);
}

/** A tiny but real build: two sections, two chunks, a real hnswlib index. */
function writeTinyBuild(dataDir: string, buildId: string): string {
  const sections: Section[] = ['a', 'b'].map((id) => ({
    id: `mo:${id}`,
    docId: 'mo',
    path: [id],
    title: id,
    text: `text ${id}`,
    blocks: [{ text: `text ${id}`, depth: 0, locator: id, cites: [], paragraph: 0 }],
    locator: id,
    cites: [],
    kind: 'question',
  }));
  const chunks: Chunk[] = sections.map((section, index) => ({ id: `c${index}`, sectionId: section.id, docId: 'mo', text: section.text, indexText: section.text, position: 0, locator: section.locator, cites: [], depth: 0, paragraph: 0, leadIn: false, opening: true }));
  const { corpusJson, jsonFiles } = loadCorpusJson(join(PROJECT_ROOT, 'corpus'));
  const vectors = new hnswlib.HierarchicalNSW('cosine', 3);
  vectors.initIndex({ maxElements: 2 });
  vectors.addPoint([1, 0, 0], 0);
  vectors.addPoint([0, 1, 0], 1);
  const manifest: Manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    buildId,
    builtAt: new Date().toISOString(),
    codeHash: 'test',
    embedder: { id: 'test', dimensions: 3 },
    corpus: { jsonFiles, curatedFiles: {}, documents: [{ id: 'mo', file: 'mo.txt', sha256: 'x', sections: 2, chunks: 2 }] },
    counts: { sections: 2, chunks: 2, questions: 0, offTopic: 0, safety: 0 },
    sectionHashes: {},
  };
  const questionVectors = new hnswlib.HierarchicalNSW('cosine', 3);
  questionVectors.initIndex({ maxElements: 1 });
  return writeIndex({ dataDir, manifest, sections, acronyms: [], chunks, vectors, questions: [], questionVectors, offTopic: [], offTopicVectors: questionVectors, safety: [], safetyVectors: questionVectors, corpusJson });
}

describe('npm run ingest keeps builds by time, not by name (item 11)', () => {
  it('keeps the live build, the one it replaced, the newest others by mtime and anything young; deletes the rest', () => {
    const dataDir = join(root, 'by-time');
    // Names that sort the opposite way from their age: a by-name prune deletes the newest.
    oldBuild(dataDir, 'zz-oldest', 300 * MINUTE);
    oldBuild(dataDir, 'yy-older', 200 * MINUTE);
    oldBuild(dataDir, 'aa-newer', 60 * MINUTE);
    oldBuild(dataDir, 'ab-newer', 50 * MINUTE);
    oldBuild(dataDir, 'ac-newest-old', 40 * MINUTE);
    // A build another ingest or a server may be loading right now.
    oldBuild(dataDir, '00-young', 1 * MINUTE);
    // Rolled back to an old build: `current` names it, and it must survive whatever its age.
    oldBuild(dataDir, '01-rolled-back', 500 * MINUTE);
    symlinkSync(join('builds', '01-rolled-back'), currentLink(dataDir));
    // A crashed ingest's temp folder (old) and another ingest's in progress (young).
    oldBuild(dataDir, 'x.tmp-1', 100 * MINUTE);
    oldBuild(dataDir, 'y.tmp-2', 0);

    const written = writeTinyBuild(dataDir, '0-new');
    const left = readdirSync(join(dataDir, 'builds')).sort();
    // Three previous builds are kept (the young one counts among them); older ones go, the old temp folder too.
    expect(left).toEqual(['0-new', '00-young', '01-rolled-back', 'ab-newer', 'ac-newest-old', 'y.tmp-2'].sort());
    expect(loadIndex({ dataDir }).directory).toBe(written);
  });

  it('never deletes the build a server is serving, even when it is the oldest and more than enough are newer', () => {
    const dataDir = join(root, 'serving');
    oldBuild(dataDir, 'a-served', 900 * MINUTE);
    symlinkSync(join('builds', 'a-served'), currentLink(dataDir));
    for (let index = 0; index < 6; index++) oldBuild(dataDir, `later-${index}`, (100 - index) * MINUTE);
    writeTinyBuild(dataDir, 'next');
    // `served` was live until this swap: servers still read it while they switch.
    expect(existsSync(join(dataDir, 'builds', 'a-served'))).toBe(true);
    expect(existsSync(join(dataDir, 'builds', 'later-0'))).toBe(false);
    expect(existsSync(join(dataDir, 'builds', 'later-5'))).toBe(true);
  });
});
