import type { ChunkHit } from './lexical-index.js';

/**
 * The `limit` best of `items` by score, best first; equal scores keep the items' order (as a stable sort of all
 * of them would). Items `keep` refuses are skipped.
 */
export function topHits(items: ArrayLike<number>, scoreOf: (item: number) => number, limit: number, keep?: (item: number) => boolean): ChunkHit[] {
  return topPositions(items.length, (position) => scoreOf(items[position]), limit, keep && ((position) => keep(items[position]))).map((hit) => ({ chunkIndex: items[hit.chunkIndex], score: hit.score }));
}

/**
 * The `limit` best of positions 0..count-1 by score, best first, earlier positions first among equal scores: what a
 * stable sort of all of them would give, by a bounded heap, so most positions are never ranked and no object is
 * made for them. `chunkIndex` of each hit is its position.
 */
export function topPositions(count: number, scoreAt: (position: number) => number, limit: number, keep?: (position: number) => boolean): ChunkHit[] {
  const size = Math.max(0, Math.min(limit, count)) || 0;
  // A min-heap: the root is the worst kept hit (the lowest score; of equal scores, the latest position).
  const heap = new Int32Array(size);
  const heapScores = new Float64Array(size);
  let length = 0;
  const worse = (a: number, b: number) => heapScores[a] < heapScores[b] || (heapScores[a] === heapScores[b] && heap[a] > heap[b]);
  const swap = (a: number, b: number) => {
    const position = heap[a];
    heap[a] = heap[b];
    heap[b] = position;
    const score = heapScores[a];
    heapScores[a] = heapScores[b];
    heapScores[b] = score;
  };
  const siftDown = (from: number) => {
    for (let at = from; ; ) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < length && worse(left, worst)) worst = left;
      if (right < length && worse(right, worst)) worst = right;
      if (worst === at) return;
      swap(at, worst);
      at = worst;
    }
  };
  for (let position = 0; position < count && size > 0; position++) {
    const score = scoreAt(position);
    // A later position must score strictly higher than the worst kept one to displace it.
    if (length === size && score <= heapScores[0]) continue;
    if (keep && !keep(position)) continue;
    if (length === size) {
      heap[0] = position;
      heapScores[0] = score;
      siftDown(0);
    } else {
      heap[length] = position;
      heapScores[length] = score;
      for (let at = length++; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!worse(at, parent)) break;
        swap(at, parent);
        at = parent;
      }
    }
  }
  // Taking the worst off the heap one at a time fills the list from its end.
  const hits = new Array<ChunkHit>(length);
  for (let at = length - 1; at >= 0; at--) {
    hits[at] = { chunkIndex: heap[0], score: heapScores[0] };
    length -= 1;
    heap[0] = heap[length];
    heapScores[0] = heapScores[length];
    siftDown(0);
  }
  return hits;
}
