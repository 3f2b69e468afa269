import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestIndex, TEST_DATA_DIR } from '../server/testing/test-runtime.js';
import { buildIndex, staleReason } from './build.js';
import { parseIngestConfig, PROJECT_ROOT } from './config.js';
import { CorpusError, loadHotlines, loadSources } from './corpus.js';
import { IndexError, loadIndex, readCurrentManifest } from './index-store.js';

const MO_FILE = 'womenslaw-missouri-restraining-orders.txt';
let workDir: string;

/** A temp corpus and data dir, with the test index's embedding cache so only edits are re-embedded. */
function workspace(name: string) {
  const corpusDir = join(workDir, name, 'corpus');
  const dataDir = join(workDir, name, 'data');
  cpSync(join(PROJECT_ROOT, 'corpus'), corpusDir, { recursive: true });
  cpSync(join(TEST_DATA_DIR, 'cache'), join(dataDir, 'cache'), { recursive: true });
  return { corpusDir, dataDir, config: parseIngestConfig({ LUMEN_CORPUS_DIR: corpusDir, LUMEN_DATA_DIR: dataDir }) };
}

beforeAll(async () => {
  await ensureTestIndex();
  workDir = mkdtempSync(join(tmpdir(), 'lumen-build-'));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('buildIndex', () => {
  it('writes a complete index, then re-embeds only the section that changed', async () => {
    const { corpusDir, dataDir, config } = workspace('incremental');
    expect(staleReason(config)).toBe('there is no index yet');
    const first = await buildIndex({ config });
    expect(first.embedded).toBe(0);
    expect(first.manifest.counts.sections).toBeGreaterThan(600);
    expect(staleReason(config)).toBeUndefined();
    const loaded = loadIndex({ dataDir, expectedEmbedderId: 'use-lite-512' });
    expect(loaded.vectors.getCurrentCount()).toBe(loaded.chunks.length);

    const path = join(corpusDir, MO_FILE);
    writeFileSync(path, readFileSync(path, 'utf8').replace('You cannot serve the abuser yourself.', 'You cannot serve the abuser yourself; a sheriff or officer must.'));
    expect(staleReason(config)).toBe(`${MO_FILE} has changed`);
    const second = await buildIndex({ config });
    expect(second.changes.changed).toEqual(['mo:orders-protection-domestic-violence/step-3-service-of-process']);
    expect(second.changes.added).toEqual([]);
    expect(second.changes.removed).toEqual([]);
    expect(second.embedded).toBeGreaterThan(0);
    expect(second.embedded).toBeLessThanOrEqual(3);
    expect(realpathSync(join(dataDir, 'current'))).toBe(second.directory);
  });

  it('stops on a missing, empty or unparseable document and leaves the old index in place', async () => {
    const { corpusDir, dataDir, config } = workspace('bad-input');
    await buildIndex({ config });
    const before = readCurrentManifest(dataDir)!.buildId;
    const path = join(corpusDir, MO_FILE);
    const original = readFileSync(path, 'utf8');

    writeFileSync(path, '   \n');
    await expect(buildIndex({ config })).rejects.toThrow(new RegExp(`${MO_FILE}: document "mo" is empty`));
    writeFileSync(path, 'Just one line of prose with no question headings at all.\n');
    await expect(buildIndex({ config })).rejects.toThrow(/yielded no sections/);
    rmSync(path);
    await expect(buildIndex({ config })).rejects.toThrow(new RegExp(`cannot read document "mo"`));
    writeFileSync(join(corpusDir, 'dodi-6400-06.txt'), original);
    writeFileSync(path, original);
    await expect(buildIndex({ config })).rejects.toThrow(/dodi-6400-06\.txt: cannot parse document "dodi"/);

    expect(readCurrentManifest(dataDir)!.buildId).toBe(before);
    expect(readdirSync(join(dataDir, 'builds')).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('names the file, entry and field of a bad sources.json, hotlines.json, places.json or synonyms.json, and builds nothing', async () => {
    const { corpusDir, dataDir, config } = workspace('bad-json');
    const edit = (name: string, change: (value: any) => void) => {
      const path = join(corpusDir, name);
      const original = readFileSync(path, 'utf8');
      const value = JSON.parse(original);
      change(value);
      writeFileSync(path, JSON.stringify(value));
      return () => writeFileSync(path, original);
    };
    const rejection = async () => {
      const error = await buildIndex({ config }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CorpusError);
      return (error as Error).message;
    };
    let restore = edit('sources.json', (sources) => (sources.documents[1].url = 'not a url'));
    expect(await rejection()).toMatch(/sources\.json: documents\[1\] \(id "mo"\)\.url: /);
    restore();
    restore = edit('hotlines.json', (hotlines) => (hotlines.hotlines[2].checked = 'last week'));
    expect(await rejection()).toMatch(/hotlines\.json: hotlines\[2\] \(id "military-onesource"\)\.checked: must be a date written YYYY-MM-DD/);
    restore();
    restore = edit('places.json', (places) => (places.places = 'nebraska'));
    expect(await rejection()).toMatch(/places\.json: places: /);
    restore();
    restore = edit('synonyms.json', (synonyms) => synonyms.groups.push(['alone']));
    expect(await rejection()).toMatch(/synonyms\.json: groups\[\d+\]\.\(entry\): /);
    restore();
    writeFileSync(join(corpusDir, 'hotlines.json'), '{"checked": ');
    expect(await rejection()).toMatch(/hotlines\.json: not valid JSON/);
    expect(existsSync(join(dataDir, 'builds'))).toBe(false);
  });

  it('ships sources, hotlines, places and synonyms in the build under its manifest, and an edit to one makes a new build', async () => {
    const { corpusDir, dataDir, config } = workspace('corpus-json');
    const first = await buildIndex({ config });
    const names = ['sources.json', 'hotlines.json', 'places.json', 'synonyms.json'];
    for (const name of names) {
      const bytes = readFileSync(join(first.directory, name));
      expect(first.manifest.corpus.jsonFiles[name]).toBe(createHash('sha256').update(readFileSync(join(corpusDir, name))).digest('hex'));
      expect(readCurrentManifest(dataDir)!.files![name]).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
    }
    const loaded = loadIndex({ dataDir });
    expect(loaded.corpusJson['hotlines.json'].hotlines).toEqual(loadHotlines(corpusDir));
    expect(loaded.corpusJson['sources.json'].documents).toEqual(loadSources(corpusDir));

    const path = join(corpusDir, 'hotlines.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"1-800-799-7233"', '"1-800-555-0100"'));
    expect(staleReason(config)).toBe('corpus/hotlines.json has changed');
    const second = await buildIndex({ config });
    expect(second.embedded).toBe(0);
    expect(second.changes).toEqual({ added: [], removed: [], changed: [] });
    // The content part of the build id changes with the hotlines, not only the time and process.
    expect(second.manifest.buildId.split('-')[1]).not.toBe(first.manifest.buildId.split('-')[1]);
    expect(staleReason(config)).toBeUndefined();
    const phones = (directory: string) => loadIndex({ dataDir, directory }).corpusJson['hotlines.json'].hotlines.map((hotline) => hotline.phone);
    expect(phones(second.directory)).toContain('1-800-555-0100');
    expect(phones(second.directory)).not.toContain('1-800-799-7233');
    expect(phones(first.directory)).toContain('1-800-799-7233');
  });

  it('calls the index stale when a curated question file changes, and names an index of an older format', async () => {
    const { corpusDir, dataDir, config } = workspace('curated');
    await buildIndex({ config });
    expect(staleReason(config)).toBeUndefined();
    for (const name of ['questions/mo.jsonl', 'off-topic-questions.jsonl', 'safety-examples.jsonl']) {
      const path = join(corpusDir, name);
      const before = readFileSync(path, 'utf8');
      writeFileSync(path, `${before.trimEnd()}\n${before.trimEnd().split('\n')[0]}\n`);
      expect(staleReason(config)).toBe(`corpus/${name} has changed`);
      writeFileSync(path, before);
      expect(staleReason(config)).toBeUndefined();
    }
    const manifestPath = join(realpathSync(join(dataDir, 'current')), 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    delete manifest.corpus.curatedFiles;
    writeFileSync(manifestPath, JSON.stringify(manifest));
    expect(staleReason(config)).toBe('the live index was written in an older format (or cannot be read)');
  });

  it('refuses an index that is partial or was built by another embedder', async () => {
    const { dataDir, config } = workspace('refuse');
    const summary = await buildIndex({ config });
    expect(() => loadIndex({ dataDir, expectedEmbedderId: 'openai:text-embedding-3-small@http://x' })).toThrow(IndexError);
    expect(() => loadIndex({ dataDir, expectedEmbedderId: 'openai:text-embedding-3-small@http://x' })).toThrow(/built with embedder "use-lite-512"/);
    writeFileSync(join(summary.directory, 'chunks.json'), '[');
    expect(() => loadIndex({ dataDir })).toThrow(/corrupt .*npm run ingest/);
    rmSync(join(summary.directory, 'vectors.hnsw'));
    expect(existsSync(join(summary.directory, 'manifest.json'))).toBe(true);
    expect(() => loadIndex({ dataDir, directory: summary.directory })).toThrow(IndexError);
  });
});
