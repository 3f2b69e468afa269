import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeEmbedding, startFakeOpenAi, type FakeOpenAi } from '../../server/testing/fake-openai.js';
import { buildIndex, staleReason } from '../build.js';
import { parseIngestConfig, PROJECT_ROOT } from '../config.js';
import { IndexError, loadIndex, readCurrentManifest } from '../index-store.js';
import { createEmbedder, embedderId } from './create-embedder.js';
import { createOpenAiEmbeddings } from './openai-embeddings.js';

let fake: FakeOpenAi;
let workDir: string;

beforeAll(async () => {
  fake = await startFakeOpenAi({ dimensions: 48 });
  workDir = mkdtempSync(join(tmpdir(), 'lumen-openai-embeddings-'));
});
afterAll(async () => {
  await fake?.close();
  rmSync(workDir, { recursive: true, force: true });
});
beforeEach(() => {
  fake.embeddings = 'hash';
});

const embedder = (timeoutMs = 2_000) => createOpenAiEmbeddings({ baseUrl: `${fake.url}/v1`, model: 'fake-embed', apiKey: 'k', timeoutMs });

/** Float32 on the wire: equal to the fake's vector to about seven digits. */
function expectVector(actual: number[], text: string): void {
  const expected = fakeEmbedding(text, 48);
  expect(actual).toHaveLength(48);
  actual.forEach((value, index) => expect(value).toBeCloseTo(expected[index], 5));
}

describe('createOpenAiEmbeddings against an OpenAI-compatible server', () => {
  it('returns the server’s vectors for a query and names itself by model and address', async () => {
    const embeddings = embedder();
    expect(embeddings.id).toBe(`openai:fake-embed@${fake.url}/v1`);
    expect(embeddings.id).toBe(embedderId({ provider: 'openai', baseUrl: `${fake.url}/v1`, model: 'fake-embed', apiKey: 'k', timeoutMs: 1 }));
    expectVector(await embeddings.embedQuery('order of protection'), 'order of protection');
  });

  it('embeds many documents in batches, in order', async () => {
    const texts = Array.from({ length: 100 }, (_, index) => `passage number ${index} about orders`);
    const before = fake.counts.embeddings;
    const vectors = await embedder().embedDocuments(texts);
    expect(vectors).toHaveLength(100);
    vectors.forEach((vector, index) => expectVector(vector, texts[index]));
    // 64 per request: two requests for 100 texts.
    expect(fake.counts.embeddings - before).toBe(2);
  });

  it('rejects when the server fails', async () => {
    fake.embeddings = 'error';
    await expect(embedder().embedQuery('order of protection')).rejects.toThrow();
  });

  it('rejects by its timeout when the server is too slow, long before the server would answer', async () => {
    fake.embeddings = 'slow';
    fake.slowMs = 20_000;
    const started = Date.now();
    await expect(embedder(300).embedQuery('order of protection')).rejects.toThrow(/time/i);
    // One retry with back-off at most: well under the server's delay.
    expect(Date.now() - started).toBeLessThan(6_000);
  });
});

describe('an index built with the OpenAI-compatible embedder', () => {
  const config = (dataDir: string, env: Record<string, string> = {}) =>
    parseIngestConfig({
      LUMEN_CORPUS_DIR: join(workDir, 'corpus'),
      LUMEN_DATA_DIR: dataDir,
      LUMEN_EMBEDDER: 'openai',
      LUMEN_EMBEDDINGS_BASE_URL: `${fake.url}/v1`,
      LUMEN_EMBEDDINGS_MODEL: 'fake-embed',
      LUMEN_EMBEDDINGS_API_KEY: 'k',
      ...env,
    });

  beforeAll(() => cpSync(join(PROJECT_ROOT, 'corpus'), join(workDir, 'corpus'), { recursive: true }));

  it('builds, loads for the same embedder, and is refused by a server configured for another', async () => {
    const dataDir = join(workDir, 'data-openai');
    const openai = config(dataDir);
    const summary = await buildIndex({ config: openai });
    const id = `openai:fake-embed@${fake.url}/v1`;
    expect(summary.manifest.embedder).toEqual({ id, dimensions: 48 });
    expect(createEmbedder(openai.embedder)).toHaveProperty('id', id);

    const loaded = loadIndex({ dataDir, expectedEmbedderId: id });
    expect(loaded.vectors.getCurrentCount()).toBe(summary.manifest.counts.chunks);

    const error = (() => {
      try {
        loadIndex({ dataDir, expectedEmbedderId: 'use-lite-512' });
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(IndexError);
    expect(error!.message).toContain(`"${id}"`);
    expect(error!.message).toContain('"use-lite-512"');
    expect(error!.message).toMatch(/npm run ingest/);
    expect(staleReason(parseIngestConfig({ LUMEN_CORPUS_DIR: join(workDir, 'corpus'), LUMEN_DATA_DIR: dataDir }))).toBe(`it was built with embedder ${id}`);
  });

  it('writes no index when the embedding server fails mid-build', async () => {
    fake.embeddings = 'error';
    const dataDir = join(workDir, 'data-failing');
    await expect(buildIndex({ config: config(dataDir) })).rejects.toThrow();
    expect(readCurrentManifest(dataDir)).toBeUndefined();
  });
});
