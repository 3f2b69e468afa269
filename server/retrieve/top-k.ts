import type { ChunkHit } from './lexical-index.js';

/**
 * The `limit` best positions of `scores[0..count)` by score, best first, earlier positions first among equal scores:
 * what a stable sort of all of them would give. Positions `keep` refuses are skipped; `keep` is asked only about a
 * position that scores high enough to enter. A bounded min-heap over the array itself: most positions cost one
 * comparison, and no object is made for them. (Reading the scores through a callback instead cost about as much
 * again: the call could not be inlined where several kinds of callers share it.) `chunkIndex` of a hit is its position.
 */
export function topOfScores(scores: Float32Array | Float64Array, limit: number, keep?: (position: number) => boolean, count = scores.length): ChunkHit[] {
  const size = Math.max(0, Math.min(limit, count)) || 0;
  // The root is the worst kept hit: the lowest score, and of equal scores the latest position.
  const heap = new Int32Array(size);
  const heapScores = new Float64Array(size);
  let length = 0;
  for (let position = 0; position < count && size > 0; position++) {
    const score = scores[position];
    // A later position must score strictly higher than the worst kept one to displace it.
    if (length === size && score <= heapScores[0]) continue;
    if (keep && !keep(position)) continue;
    let at: number;
    if (length === size) {
      // The new hit replaces the root and sinks below every child worse than it.
      at = 0;
      for (;;) {
        const left = 2 * at + 1;
        const right = left + 1;
        let worst = -1;
        let worstScore = score;
        let worstPosition = position;
        if (left < length && (heapScores[left] < worstScore || (heapScores[left] === worstScore && heap[left] > worstPosition))) {
          worst = left;
          worstScore = heapScores[left];
          worstPosition = heap[left];
        }
        if (right < length && (heapScores[right] < worstScore || (heapScores[right] === worstScore && heap[right] > worstPosition))) {
          worst = right;
          worstScore = heapScores[right];
          worstPosition = heap[right];
        }
        if (worst < 0) break;
        heap[at] = worstPosition;
        heapScores[at] = worstScore;
        at = worst;
      }
    } else {
      // The new hit rises above every parent better than it.
      at = length++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        const parentScore = heapScores[parent];
        if (!(score < parentScore || (score === parentScore && position > heap[parent]))) break;
        heap[at] = heap[parent];
        heapScores[at] = parentScore;
        at = parent;
      }
    }
    heap[at] = position;
    heapScores[at] = score;
  }
  const hits = new Array<ChunkHit>(length);
  for (let at = 0; at < length; at++) hits[at] = { chunkIndex: heap[at], score: heapScores[at] };
  // Positions are distinct, so this order is total: the same list whatever the heap's layout.
  return hits.sort((left, right) => right.score - left.score || left.chunkIndex - right.chunkIndex);
}
