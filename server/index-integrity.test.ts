import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentLink, IndexError, loadIndex } from '../ingest/index-store.js';
import type { Chunk } from '../ingest/types.js';
import { createApp } from './app.js';
import { createChatHealth } from './chat-health.js';
import { parseServerConfig } from './config.js';
import { createIndexWatcher } from './index-watcher.js';
import { createLogger } from './logger.js';
import { loadSnapshot, type Runtime } from './runtime.js';
import { getTestRuntime, TEST_DATA_DIR } from './testing/test-runtime.js';

let root: string;
let dataDir: string;
let goodBuild: string;
let base: Runtime;
let runtime: Runtime;

beforeAll(async () => {
  base = await getTestRuntime();
  root = mkdtempSync(join(tmpdir(), 'lumen-integrity-'));
  dataDir = join(root, 'data');
  const source = realpathSync(currentLink(TEST_DATA_DIR));
  goodBuild = join(dataDir, 'builds', basename(source));
  mkdirSync(join(dataDir, 'builds'), { recursive: true });
  cpSync(source, goodBuild, { recursive: true });
  symlinkSync(join('builds', basename(source)), currentLink(dataDir));
  const config = parseServerConfig({ LUMEN_DATA_DIR: dataDir, LUMEN_LOG: 'silent', LUMEN_WATCH_INDEX: 'false', LUMEN_RATE_LIMIT_PER_MINUTE: '0', LUMEN_LOOKUP_RATE_LIMIT_PER_MINUTE: '0' });
  runtime = { ...base, config, snapshot: loadSnapshot({ config, embedder: base.embedder }) };
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/**
 * A copy of the good build with one file rewritten and, unless `stamp` is false, the manifest's
 * checksum for it updated: a build whose files are each intact but do not fit together.
 */
function variant(name: string, file: 'chunks.json' | 'sections.json' | 'hotlines.json', edit: (value: any) => unknown, stamp = true): string {
  const directory = join(dataDir, 'builds', name);
  cpSync(goodBuild, directory, { recursive: true });
  rewrite(directory, file, edit, stamp);
  return directory;
}

function rewrite(directory: string, file: 'chunks.json' | 'sections.json' | 'hotlines.json', edit: (value: any) => unknown, stamp = true): void {
  const name = basename(directory);
  const path = join(directory, file);
  const text = JSON.stringify(edit(JSON.parse(readFileSync(path, 'utf8'))));
  writeFileSync(path, text);
  if (stamp) {
    const manifest = JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8'));
    manifest.buildId = name;
    manifest.files[file] = { sha256: createHash('sha256').update(text).digest('hex'), bytes: Buffer.byteLength(text) };
    writeFileSync(join(directory, 'manifest.json'), JSON.stringify(manifest));
  }
}

function pointCurrentAt(directory: string): void {
  const link = currentLink(dataDir);
  symlinkSync(directory, `${link}.swap`);
  renameSync(`${link}.swap`, link);
}

const chat = (app: ReturnType<typeof createApp>) =>
  app.request('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'How long does a full order of protection last in Missouri?' }] }) });

describe('a build is checked whole before it is loaded (item 2)', () => {
  it('refuses chunks that point at sections that do not exist, even when every count and checksum is right', () => {
    const directory = variant('orphan-chunks', 'chunks.json', (chunks: Chunk[]) => chunks.map((chunk) => ({ ...chunk, sectionId: `${chunk.sectionId}-gone` })));
    expect(() => loadIndex({ dataDir, directory })).toThrow(IndexError);
    expect(() => loadIndex({ dataDir, directory })).toThrow(/does not fit together \(chunk ".*" points at section ".*-gone", which does not exist\).*npm run ingest/);
  });

  it('refuses duplicate chunk ids, duplicate section ids, and a chunk on another document', () => {
    const twice = variant('dup-chunks', 'chunks.json', (chunks: Chunk[]) => chunks.map((chunk, index) => (index === 1 ? { ...chunk, id: chunks[0].id } : chunk)));
    expect(() => loadIndex({ dataDir, directory: twice })).toThrow(/appears twice/);
    const sections = variant('dup-sections', 'sections.json', (stored: { sections: Array<{ id: string }> }) => ({ ...stored, sections: stored.sections.map((section, index) => (index === 1 ? { ...section, id: stored.sections[0].id } : section)) }));
    expect(() => loadIndex({ dataDir, directory: sections })).toThrow(/section id .* appears twice/);
    const moved = variant('moved-chunk', 'chunks.json', (chunks: Chunk[]) => chunks.map((chunk, index) => (index === 0 ? { ...chunk, docId: chunk.docId === 'mo' ? 'dodi' : 'mo' } : chunk)));
    expect(() => loadIndex({ dataDir, directory: moved })).toThrow(/says document/);
  });

  it('refuses a vector count that differs from the chunk count', () => {
    const fewer = variant('fewer-chunks', 'chunks.json', (chunks: Chunk[]) => chunks.slice(1));
    // The manifest's count is kept right too, so only the vectors disagree.
    const manifest = JSON.parse(readFileSync(join(fewer, 'manifest.json'), 'utf8'));
    manifest.counts.chunks -= 1;
    writeFileSync(join(fewer, 'manifest.json'), JSON.stringify(manifest));
    expect(() => loadIndex({ dataDir, directory: fewer })).toThrow(/vectors for .* chunks/);
  });

  it('refuses a file that is not the one its manifest was written with (same length, other bytes)', () => {
    const directory = join(dataDir, 'builds', 'tampered');
    cpSync(goodBuild, directory, { recursive: true });
    const path = join(directory, 'sections.json');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('protection', 'protectiom'));
    expect(() => loadIndex({ dataDir, directory })).toThrow(/corrupt \(sections\.json does not match its checksum/);
    writeFileSync(path, `${text} `);
    expect(() => loadIndex({ dataDir, directory })).toThrow(/sections\.json is \d+ bytes, its manifest says \d+/);
    const manifest = JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8'));
    delete manifest.files;
    writeFileSync(join(directory, 'manifest.json'), JSON.stringify(manifest));
    expect(() => loadIndex({ dataDir, directory })).toThrow(/no file checksums/);
  });

  it('the watcher refuses an inconsistent build and one that loads but cannot answer, keeps the live one, and chat keeps answering', async () => {
    const lines: string[] = [];
    const watcher = createIndexWatcher({ runtime, logger: createLogger({ mode: 'json', write: (line) => lines.push(line) }) });
    const app = createApp(runtime, { logger: createLogger({ mode: 'silent' }) });
    const live = runtime.snapshot;

    pointCurrentAt(variant('watch-orphans', 'chunks.json', (chunks: Chunk[]) => chunks.map((chunk) => ({ ...chunk, sectionId: 'nowhere' }))));
    expect(await watcher.reload({ reason: 'test', force: true })).toBe(false);
    // Parts that fit, but passages with no words: nothing can be found by its words or quoted, and every answer fails.
    const mute = variant('watch-mute', 'chunks.json', (chunks: Chunk[]) => chunks.map((chunk) => ({ ...chunk, text: '', indexText: '' })));
    pointCurrentAt(mute);
    expect(await watcher.reload({ reason: 'test', force: true })).toBe(false);

    expect(runtime.snapshot).toBe(live);
    const refusals = lines.map((line) => JSON.parse(line) as Record<string, string>).filter((line) => line.event === 'index_reload_refused');
    expect(refusals.map((line) => basename(line.directory))).toEqual(['watch-orphans', 'watch-mute']);
    expect(refusals[0].why).toMatch(/does not fit together/);
    expect(refusals[1].why).toMatch(/answered 503|quoted nothing/);
    expect(refusals.every((line) => line.keptBuildId === live.manifest.buildId)).toBe(true);
    const response = await chat(app);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { status: string }).status).toBe('answered');

    // A whole build is still accepted after the refusals.
    pointCurrentAt(goodBuild);
    expect(await watcher.reload({ reason: 'test', force: true })).toBe(true);
  });

  it('refuses a build whose hotlines.json is not the one its manifest lists, or not valid hotlines, and chat keeps answering on the live one', async () => {
    const lines: string[] = [];
    const watcher = createIndexWatcher({ runtime, logger: createLogger({ mode: 'json', write: (line) => lines.push(line) }) });
    const app = createApp(runtime, { logger: createLogger({ mode: 'silent' }) });
    const live = runtime.snapshot;
    const ndvhPhone = async () => {
      const response = await chat(app);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { status: string; hotlines: Array<{ id: string; phone: string | null }> };
      expect(body.status).toBe('answered');
      return body.hotlines.find((hotline) => hotline.id === 'ndvh')?.phone;
    };
    expect(await ndvhPhone()).toBe('1-800-799-7233');
    const renumber = (file: { hotlines: Array<{ id: string; phone: string | null }> }) => ({ ...file, hotlines: file.hotlines.map((hotline) => (hotline.id === 'ndvh' ? { ...hotline, phone: '1-800-799-7234' } : hotline)) });

    // Same length, other bytes, manifest untouched: a swapped-in file.
    const swapped = variant('hotlines-swapped', 'hotlines.json', renumber, false);
    expect(() => loadIndex({ dataDir, directory: swapped })).toThrow(/corrupt \(hotlines\.json does not match its checksum in the manifest\).*npm run ingest/);
    pointCurrentAt(swapped);
    expect(await watcher.reload({ reason: 'test', force: true })).toBe(false);
    // Checksum right, content not hotlines: refused by the schema ingest validated the corpus file with.
    const invalid = variant('hotlines-invalid', 'hotlines.json', (file: { hotlines: Array<Record<string, unknown>> }) => ({ ...file, hotlines: file.hotlines.map((hotline, index) => (index === 2 ? { ...hotline, checked: 'last week' } : hotline)) }));
    expect(() => loadIndex({ dataDir, directory: invalid })).toThrow(/corrupt \(hotlines\.json: hotlines\[2\] \(id "military-onesource"\)\.checked: must be a date written YYYY-MM-DD\)/);
    pointCurrentAt(invalid);
    expect(await watcher.reload({ reason: 'test', force: true })).toBe(false);

    expect(runtime.snapshot).toBe(live);
    const refusals = lines.map((line) => JSON.parse(line) as Record<string, string>).filter((line) => line.event === 'index_reload_refused');
    expect(refusals.map((line) => basename(line.directory))).toEqual(['hotlines-swapped', 'hotlines-invalid']);
    expect(await ndvhPhone()).toBe('1-800-799-7233');
    pointCurrentAt(goodBuild);
  });
});

describe('/healthz says degraded when chats fail (item 2)', () => {
  it('answers 503 "degraded" after a run of failing chats on the live build, and ok again on a new build', async () => {
    const broken: Runtime = { ...runtime, snapshot: loadSnapshot({ config: runtime.config, embedder: base.embedder }) };
    // What a build with dangling chunks did: every retrieval throws.
    broken.snapshot.search.sectionById.clear();
    broken.snapshot.search.lexical.search = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'docId')");
    };
    broken.snapshot.search.embed = async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'docId')");
    };
    const chatHealth = createChatHealth();
    const app = createApp(broken, { logger: createLogger({ mode: 'silent' }), chatHealth });
    const health = async () => {
      const response = await app.request('/healthz');
      return { code: response.status, body: (await response.json()) as { status: string; chat: { recent: number; failed: number } } };
    };
    expect((await health()).body.status).toBe('ok');
    for (let index = 0; index < 6; index++) expect((await chat(app)).status).toBeGreaterThanOrEqual(500);
    const degraded = await health();
    expect(degraded.code).toBe(503);
    expect(degraded.body.status).toBe('degraded');
    expect(degraded.body.chat).toEqual({ recent: 6, failed: 6 });
    // Bad requests are the client's doing and do not count.
    for (let index = 0; index < 5; index++) await app.request('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect((await health()).body.chat.recent).toBe(6);
    // A new build is judged by its own chats.
    broken.snapshot = loadSnapshot({ config: runtime.config, embedder: base.embedder });
    broken.snapshot.manifest = { ...broken.snapshot.manifest, buildId: 'next-build' };
    expect(await health()).toMatchObject({ code: 200, body: { status: 'ok' } });
    expect((await chat(app)).status).toBe(200);
  });
});
