import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { columnBlocks, createSimilarityMatrix, similarityBackendReady } from './similarity-matrix.js';
import { createVectorSet } from './search-index.js';

const DIMENSIONS = 512;

/** Deterministic pseudo-random vectors (a linear congruential generator), not unit length. */
function randomVectors(count: number, seed: number): number[][] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  return Array.from({ length: count }, () => Array.from({ length: DIMENSIONS }, () => next() * 3));
}

function cosine(left: number[], right: number[]): number {
  let product = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (let i = 0; i < left.length; i++) {
    product += left[i] * right[i];
    leftNorm += left[i] * left[i];
    rightNorm += right[i] * right[i];
  }
  return product / Math.sqrt(leftNorm * rightNorm);
}

const matrixOf = (vectors: number[][]) => createSimilarityMatrix(DIMENSIONS, vectors.length, (position) => vectors[position]);

describe('similarity matrix', () => {
  const passages = randomVectors(300, 1);
  const safety = randomVectors(57, 2);
  const queries = randomVectors(4, 3);

  it('scores every stored vector in one product, equal to plain cosines', async () => {
    // The product runs on the tensor backend the encoder uses; it must be there, or the server pays plain loops.
    expect(await similarityBackendReady).toBe(true);
    const matrix = matrixOf(passages);
    expect(matrix.count).toBe(300);
    for (const query of queries) {
      const scores = matrix.row(query);
      expect(scores.length).toBe(300);
      passages.forEach((vector, position) => expect(Math.abs(scores[position] - cosine(vector, query))).toBeLessThan(1e-5));
    }
    // Rows outlive later products: each is a copy, not a view into the backend's memory.
    const before = Array.from(matrix.row(queries[0]));
    for (const query of randomVectors(3, 9)) matrix.row(query);
    expect(Array.from(matrix.row(queries[0]))).toEqual(before);
    expect(matrixOf([]).row(queries[0])).toHaveLength(0);
  });

  it('computes a row once per vector instance and refuses a vector of the wrong size', () => {
    const matrix = matrixOf(safety);
    const [query] = queries;
    expect(matrix.row(query)).toBe(matrix.row(query));
    // Another array with the same values is another key: the embedding cache hands out one array per text.
    expect(matrix.row([...query])).not.toBe(matrix.row(query));
    expect(() => matrix.row(query.slice(1))).toThrow(/511 values, the index 512/);
    expect(() => matrixOf([query.slice(2)])).toThrow(/stored vector has 510 values/);
  });

  it('computes several rows in one product, each equal to its own, and reuses rows already known', () => {
    const matrix = matrixOf(safety);
    const known = matrix.row(queries[1]);
    const [first, second, third] = matrix.rows([queries[0], queries[1], queries[2]]);
    expect(second).toBe(known);
    for (const [row, query] of [[first, queries[0]], [third, queries[2]]] as const) {
      safety.forEach((vector, position) => expect(Math.abs(row[position] - cosine(vector, query))).toBeLessThan(1e-5));
    }
    expect(matrix.rows([queries[0], queries[0]])).toEqual([first, first]);
  });

  it('gives the exact nearest items of one block of a shared matrix, closest first, within one document when asked', () => {
    const docOf = (label: number) => (label % 3 === 0 ? 'doc-a' : 'doc-b');
    const shared = [...safety, ...passages];
    const [safetyBlock, passageBlock] = columnBlocks(matrixOf(shared), [safety.length, passages.length]);
    expect(safetyBlock.count).toBe(57);
    expect(() => columnBlocks(matrixOf(shared), [10, 20])).toThrow(/blocks of 30 columns for a matrix of 357/);
    const set = createVectorSet(passageBlock, docOf);
    const [safetyRow] = safetyBlock.rows([queries[0]]);
    safety.forEach((vector, position) => expect(Math.abs(safetyRow[position] - cosine(vector, queries[0]))).toBeLessThan(1e-5));
    for (const query of queries) {
      const byCosine = passages.map((vector, label) => ({ label, score: cosine(vector, query) })).sort((left, right) => right.score - left.score);
      expect(set.nearest(query, { limit: 10 }).map((hit) => hit.chunkIndex)).toEqual(byCosine.slice(0, 10).map((entry) => entry.label));
      expect(set.nearest(query, { limit: 7, docId: 'doc-a' }).map((hit) => hit.chunkIndex)).toEqual(byCosine.filter((entry) => docOf(entry.label) === 'doc-a').slice(0, 7).map((entry) => entry.label));
      const hits = set.nearest(query, { limit: 5 });
      for (const hit of hits) expect(Math.abs(hit.score - cosine(passages[hit.chunkIndex], query))).toBeLessThan(1e-5);
      expect(set.nearest(query, { limit: 1000 })).toHaveLength(300);
      const picked = set.similarities(query, [4, 250]);
      expect(Math.abs(picked.get(250)! - cosine(passages[250], query))).toBeLessThan(1e-5);
      expect(set.all([query])[0]).toHaveLength(300);
    }
  });
});

describe('similarity matrix memory', () => {
  it("frees a matrix's tensor once the matrix is garbage (a swapped-out snapshot's)", () => {
    // In a child process with the collector exposed: build eleven matrices, keep one, collect, count tensors.
    const module = fileURLToPath(new URL('./similarity-matrix.ts', import.meta.url));
    const script = join(mkdtempSync(join(tmpdir(), 'lumen-matrix-')), 'release.mjs');
    writeFileSync(
      script,
      `import { createRequire } from 'node:module';
import { createSimilarityMatrix, similarityBackendReady } from ${JSON.stringify(module)};
const tf = createRequire(${JSON.stringify(module)})('@energetic-ai/core');
await similarityBackendReady;
const vectors = Array.from({ length: 200 }, (_, i) => Array.from({ length: 512 }, (_, j) => Math.sin(i * 7 + j)));
const before = tf.memory().numTensors;
const kept = createSimilarityMatrix(512, vectors.length, (p) => vectors[p]);
const churn = () => { for (let i = 0; i < 10; i++) createSimilarityMatrix(512, vectors.length, (p) => vectors[p]).row(vectors[i]); };
churn();
const built = tf.memory().numTensors;
for (let i = 0; i < 5; i++) { globalThis.gc(); await new Promise((done) => setTimeout(done, 50)); }
console.log(JSON.stringify({ before, built, after: tf.memory().numTensors, kept: kept.row(vectors[0]).length }));
`,
    );
    const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script], { encoding: 'utf8', timeout: 60_000 });
    const counts = JSON.parse(output.trim().split('\n').pop()!);
    expect(counts.built - counts.before).toBe(11);
    expect(counts.after - counts.before).toBe(1);
    expect(counts.kept).toBe(200);
  }, 90_000);
});
