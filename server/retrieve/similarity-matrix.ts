import { createRequire } from 'node:module';
import { dot, unitVector } from './dot.js';

/**
 * The few tensor operations used here, from the TensorFlow.js build the encoder already runs on (its WebAssembly
 * backend, with SIMD). Typed locally: the package's own types re-export a package that is not installed.
 */
interface Tensor {
  dataSync(): Float32Array;
  dispose(): void;
}
interface TensorOps {
  ready(): Promise<void>;
  tensor2d(values: Float32Array, shape: [number, number]): Tensor;
  matMul(left: Tensor, right: Tensor): Tensor;
  tidy<T extends Tensor>(work: () => T): T;
}

const tf = createRequire(import.meta.url)('@energetic-ai/core') as TensorOps;
let tensorsReady = false;
/** Resolves once matrix products can run on the tensor backend; until then (or if it never can) plain loops stand in. */
export const similarityBackendReady: Promise<boolean> = tf.ready().then(
  () => (tensorsReady = true),
  () => false,
);

/** Frees a matrix's tensor once nothing holds its snapshot any more (a request may still read one after a swap). */
const released = new FinalizationRegistry<Tensor>((tensor) => tensor.dispose());

/**
 * Stored unit vectors (passages, example questions, off-topic questions, safety examples) as the columns of one
 * matrix, so the cosines of a query to ALL of them cost one matrix-vector product. At this corpus size (about
 * 3,500 vectors for retrieval) that takes about a millisecond right after the encoder ran (memory-bound; a few
 * tenths when the matrix is in cache), no more than the approximate (HNSW) searches and exact rescoring it
 * replaced, and its results are exact.
 */
export interface SimilarityMatrix {
  /** How many stored vectors (columns). */
  readonly count: number;
  /**
   * The cosine of `vector` to every stored vector, by position. Computed once per vector instance (the query
   * embedding cache hands out the same array for the same text) and kept while that array lives.
   */
  row(vector: number[]): Float32Array;
  /**
   * The rows of several vectors, those not yet computed in ONE product: worth it for a small set, where a
   * product's fixed cost outweighs its work (a message's sentences against the safety examples).
   */
  rows(vectors: number[][]): Float32Array[];
}

/** Builds the matrix from `count` stored vectors of `dimensions` values each, read by `point(position)`. */
export function createSimilarityMatrix(dimensions: number, count: number, point: (position: number) => ArrayLike<number>): SimilarityMatrix {
  // Row-major unit vectors for the plain loop, and their transpose ([dimensions x count]) for the product: a
  // product against a transposed operand runs about ten times slower on this backend.
  // Dropped once the transpose is on the backend: the plain loop only stands in until then.
  let unitRows: Float32Array | undefined = new Float32Array(count * dimensions);
  for (let position = 0; position < count; position++) {
    const values = point(position);
    if (values.length !== dimensions) throw new Error(`similarity: a stored vector has ${values.length} values, the index ${dimensions}`);
    unitRows.set(unitVector(values), position * dimensions);
  }
  const rows = new WeakMap<number[], Float32Array>();
  let columns: Tensor | undefined;
  const matrix: SimilarityMatrix = {
    count,
    row: (vector) => rows.get(vector) ?? matrix.rows([vector])[0],
    rows(vectors) {
      const missing = [...new Set(vectors.filter((vector) => !rows.has(vector)))];
      for (const vector of missing) {
        if (vector.length !== dimensions) throw new Error(`similarity: a query vector has ${vector.length} values, the index ${dimensions}`);
      }
      if (missing.length > 0) {
        const queries = new Float32Array(missing.length * dimensions);
        missing.forEach((vector, position) => queries.set(unitVector(vector), position * dimensions));
        if (tensorsReady && count > 0) {
          // Built at load when the backend is ready (milliseconds), else on the first product once it is.
          columns ??= transposedTensor(unitRows!, count, dimensions, matrix);
          unitRows = undefined;
          const product = tf.tidy(() => tf.matMul(tf.tensor2d(queries, [missing.length, dimensions]), columns!));
          const values = product.dataSync();
          product.dispose();
          // Copies, so each row outlives the tensor and any later growth of the backend's memory.
          missing.forEach((vector, position) => rows.set(vector, values.slice(position * count, (position + 1) * count)));
        } else {
          missing.forEach((vector, position) => rows.set(vector, plainRow(unitRows!, count, queries.subarray(position * dimensions, (position + 1) * dimensions))));
        }
      }
      return vectors.map((vector) => rows.get(vector)!);
    },
  };
  if (tensorsReady && count > 0) {
    columns = transposedTensor(unitRows, count, dimensions, matrix);
    unitRows = undefined;
  }
  return matrix;
}

/** Rows over some stored vectors: a whole matrix, or one block of its columns. */
export interface SimilarityRows {
  readonly count: number;
  rows(vectors: number[][]): Float32Array[];
}

/**
 * Splits a matrix's columns into consecutive blocks of the given sizes, each addressed by its own positions (views,
 * not copies). Sets searched with the same query texts share one matrix, so a text costs one product, not one per
 * set: a product's fixed cost is about a tenth of a millisecond.
 */
export function columnBlocks(matrix: SimilarityMatrix, sizes: number[]): SimilarityRows[] {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total !== matrix.count) throw new Error(`similarity: blocks of ${total} columns for a matrix of ${matrix.count}`);
  let start = 0;
  return sizes.map((size) => {
    const from = start;
    start += size;
    return { count: size, rows: (vectors: number[][]) => matrix.rows(vectors).map((row) => row.subarray(from, from + size)) };
  });
}

/** The cosines of one unit query to every unit row, by plain dot products. */
function plainRow(unitRows: Float32Array, count: number, query: Float32Array): Float32Array {
  const result = new Float32Array(count);
  for (let position = 0; position < count; position++) result[position] = dot(unitRows, query, position * query.length);
  return result;
}

function transposedTensor(unitRows: Float32Array, count: number, dimensions: number, owner: object): Tensor {
  const transposed = new Float32Array(count * dimensions);
  for (let position = 0; position < count; position++) {
    for (let i = 0; i < dimensions; i++) transposed[i * count + position] = unitRows[position * dimensions + i];
  }
  const tensor = tf.tensor2d(transposed, [dimensions, count]);
  released.register(owner, tensor);
  return tensor;
}
