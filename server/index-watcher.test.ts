import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../ingest/build.js';
import { currentLink } from '../ingest/index-store.js';
import { createApp } from './app.js';
import { parseServerConfig } from './config.js';
import { createIndexWatcher, type IndexWatcher } from './index-watcher.js';
import { createLogger } from './logger.js';
import { createRuntime, type Runtime } from './runtime.js';
import { getTestRuntime, TEST_DATA_DIR } from './testing/test-runtime.js';

const MARKER = 'zanzibarquill';
const MISSOURI = 'womenslaw-missouri-restraining-orders.txt';

let root: string;
let runtime: Runtime;
let watcher: IndexWatcher;
let app: ReturnType<typeof createApp>;
const logLines: string[] = [];
let config: ReturnType<typeof parseServerConfig>;

beforeAll(async () => {
  const base = await getTestRuntime();
  root = mkdtempSync(join(tmpdir(), 'lumen-watch-'));
  cpSync(base.config.ingest.corpusDir, join(root, 'corpus'), { recursive: true });
  // The test index's embedding cache, so only the edited section is embedded again.
  cpSync(join(TEST_DATA_DIR, 'cache'), join(root, 'data', 'cache'), { recursive: true });
  config = parseServerConfig({ LUMEN_DATA_DIR: join(root, 'data'), LUMEN_CORPUS_DIR: join(root, 'corpus'), LUMEN_LOG: 'silent', LUMEN_RATE_LIMIT_PER_MINUTE: '0', LUMEN_LOOKUP_RATE_LIMIT_PER_MINUTE: '0' });
  await buildIndex({ config: config.ingest });
  runtime = await createRuntime({ config, embedder: base.embedder });
  app = createApp(runtime, { logger: createLogger({ mode: 'silent' }) });
  watcher = createIndexWatcher({ runtime, logger: createLogger({ mode: 'json', write: (line) => logLines.push(line) }), intervalMs: 50 });
  watcher.start();
});

afterAll(() => {
  watcher?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

const healthBuildId = async () => ((await (await app.request('/healthz')).json()) as { index: { buildId: string } }).index.buildId;
const markerHits = async () => ((await (await app.request(`/api/search?q=${MARKER}&mode=instant`)).json()) as { results: unknown[] }).results.length;

/** Polls until the condition holds, or fails after the deadline. */
async function waitFor(condition: () => boolean | Promise<boolean>, what: string, deadlineMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > deadlineMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Keeps four requests in flight (chat, hybrid search, instant search, health) until stopped; returns every status. */
function fireRequests(): { stop(): Promise<number[]>; count(): number } {
  const statuses: number[] = [];
  let running = true;
  const chat = (content: string) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content }] }) });
  const requests = [
    () => app.request('/api/chat', chat('How long does a full order of protection last in Missouri?')),
    () => app.request('/api/search?q=ex%20parte%20hearing'),
    () => app.request('/api/search?q=military%20protective&mode=instant'),
    () => app.request('/healthz'),
  ];
  const workers = requests.map(async (send) => {
    while (running) {
      const response = await send();
      await response.arrayBuffer();
      statuses.push(response.status);
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
  return {
    count: () => statuses.length,
    stop: async () => {
      running = false;
      await Promise.all(workers);
      return statuses;
    },
  };
}

/** Points `current` at another folder the way writeIndex does: a new link renamed over the old one. */
function pointCurrentAt(directory: string): void {
  const link = currentLink(config.ingest.dataDir);
  const temp = `${link}.test-tmp`;
  if (existsSync(temp)) unlinkSync(temp);
  symlinkSync(directory, temp);
  renameSync(temp, link);
}

describe('index watcher', () => {
  it('swaps in a rebuilt index while requests are in flight, and every request succeeds', async () => {
    const before = await healthBuildId();
    expect(await markerHits()).toBe(0);
    const load = fireRequests();
    const file = join(config.ingest.corpusDir, MISSOURI);
    const text = readFileSync(file, 'utf8');
    // The first sentence after the first question heading sits inside a section (the preamble does not).
    const sentence = text.slice(text.indexOf('?\n')).match(/[^.\n?]{40,}\./)![0];
    writeFileSync(file, text.replace(sentence, `${sentence.slice(0, -1)} (see also ${MARKER}).`));
    const summary = await buildIndex({ config: config.ingest });
    expect(summary.changes.changed.length).toBeGreaterThan(0);
    await waitFor(async () => (await healthBuildId()) === summary.manifest.buildId, 'the new build to be served');
    await waitFor(() => load.count() > 40, 'requests after the swap');
    const statuses = await load.stop();
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(before).not.toBe(summary.manifest.buildId);
    expect(runtime.snapshot.manifest.buildId).toBe(summary.manifest.buildId);
    expect(await markerHits()).toBeGreaterThan(0);
    expect(logLines.some((line) => line.includes('"event":"index_reloaded"') && line.includes(summary.manifest.buildId))).toBe(true);
  });

  it('lets a request paused mid-retrieval on the old snapshot finish after the swap', async () => {
    const old = runtime.snapshot;
    const embed = old.search.embed;
    let entered!: () => void;
    let release!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    old.search.embed = async (text: string) => {
      entered();
      await gate;
      return embed(text);
    };
    const pending = app.request('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'What is a military protective order?' }] }) });
    await inside;
    expect(await watcher.reload({ reason: 'test', force: true })).toBe(true);
    expect(runtime.snapshot).not.toBe(old);
    release();
    const response = await pending;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { status: string }).status).toBe('answered');
  });

  it('refuses a corrupt build, keeps the live one, and logs why', async () => {
    const live = runtime.snapshot;
    const corrupt = join(config.ingest.dataDir, 'builds', 'corrupt-build');
    cpSync(live.directory, corrupt, { recursive: true });
    const chunks = readFileSync(join(corrupt, 'chunks.json'), 'utf8');
    writeFileSync(join(corrupt, 'chunks.json'), chunks.slice(0, chunks.length / 2));
    const load = fireRequests();
    pointCurrentAt(corrupt);
    await waitFor(() => logLines.some((line) => line.includes('"event":"index_reload_refused"') && line.includes('corrupt-build')), 'the refusal log line');
    const statuses = await load.stop();
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(runtime.snapshot).toBe(live);
    expect(await healthBuildId()).toBe(live.manifest.buildId);
    const line = JSON.parse(logLines.find((entry) => entry.includes('index_reload_refused'))!);
    expect(line).toMatchObject({ level: 'error', keptBuildId: live.manifest.buildId });
    expect(line.why).toMatch(/corrupt/);
    expect(line.why).toContain('npm run ingest');
    // Reported once, not on every poll.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(logLines.filter((entry) => entry.includes('index_reload_refused')).length).toBe(1);
  });

  it('refuses a partial build (no manifest) on SIGHUP too, then accepts a good one', async () => {
    const live = runtime.snapshot;
    const partial = join(config.ingest.dataDir, 'builds', 'partial-build');
    cpSync(live.directory, partial, { recursive: true });
    rmSync(join(partial, 'manifest.json'));
    pointCurrentAt(partial);
    expect(await watcher.reload({ reason: 'SIGHUP', force: true })).toBe(false);
    expect(runtime.snapshot).toBe(live);
    expect(logLines.some((line) => line.includes('partial-build') && line.includes('manifest.json is missing'))).toBe(true);
    // Pointing back at a whole build (a rollback) is accepted.
    pointCurrentAt(live.directory);
    expect(await watcher.reload({ reason: 'SIGHUP', force: true })).toBe(true);
    expect(runtime.snapshot).not.toBe(live);
    expect(runtime.snapshot.manifest.buildId).toBe(live.manifest.buildId);
  });

  it('reads sources, hotlines, synonyms and places from the build: a corpus edit alone changes nothing, the rebuilt index changes them at once', async () => {
    const mpoQuestion = async () => {
      const response = await app.request('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'What is a military protective order?' }] }) });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { status: string; hotlines: Array<{ id: string; phone: string | null }>; citations: Array<{ docId: string; asOf: string | null }> };
      expect(body.status).toBe('answered');
      return { ndvh: body.hotlines.find((hotline) => hotline.id === 'ndvh')?.phone, dodiAsOf: body.citations.find((citation) => citation.docId === 'dodi')?.asOf };
    };
    const standInHits = async () => ((await (await app.request('/api/search?q=qwertyplum&mode=lexical')).json()) as { results: unknown[] }).results.length;
    const before = await mpoQuestion();
    expect(before).toEqual({ ndvh: '1-800-799-7233', dodiAsOf: '2024-07-11' });
    expect(await standInHits()).toBe(0);
    expect(runtime.snapshot.placesIn('a protective order in Atlantis').otherPlaces).toEqual([]);

    const edit = (name: string, change: (value: any) => void) => {
      const path = join(config.ingest.corpusDir, name);
      const value = JSON.parse(readFileSync(path, 'utf8'));
      change(value);
      writeFileSync(path, JSON.stringify(value, null, 2));
    };
    edit('hotlines.json', (file) => (file.hotlines.find((hotline: { id: string }) => hotline.id === 'ndvh').phone = '1-800-555-0100'));
    edit('sources.json', (file) => (file.documents.find((document: { id: string }) => document.id === 'dodi').asOf = '2025-01-31'));
    edit('synonyms.json', (file) => file.groups.push(['qwertyplum', 'military protective order']));
    edit('places.json', (file) => file.places.push('atlantis'));
    // Even a reload of the live build (SIGHUP) reads none of the edited files: the server answers from its build alone.
    const live = runtime.snapshot;
    expect(await watcher.reload({ reason: 'SIGHUP', force: true })).toBe(true);
    expect(runtime.snapshot).not.toBe(live);
    expect(runtime.snapshot.manifest.buildId).toBe(live.manifest.buildId);
    expect(await mpoQuestion()).toEqual(before);
    expect(await standInHits()).toBe(0);
    expect(runtime.snapshot.placesIn('a protective order in Atlantis').otherPlaces).toEqual([]);

    const summary = await buildIndex({ config: config.ingest });
    await waitFor(async () => (await healthBuildId()) === summary.manifest.buildId, 'the rebuilt index to be served');
    // One answer carries the new hotline number and the new date: both came with the one swap.
    expect(await mpoQuestion()).toEqual({ ndvh: '1-800-555-0100', dodiAsOf: '2025-01-31' });
    expect(await standInHits()).toBeGreaterThan(0);
    expect(runtime.snapshot.placesIn('a protective order in Atlantis').otherPlaces).toEqual(['atlantis']);
  });
});
