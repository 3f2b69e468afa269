import type { Embeddings } from '@langchain/core/embeddings';

/** An LRU cache in front of embedQuery: staff retype the same lookups, and follow-ups repeat context. */
export function createQueryEmbeddingCache(embedder: Embeddings, capacity: number): (text: string) => Promise<number[]> {
  const cache = new Map<string, Promise<number[]>>();
  return (text: string) => {
    const key = text.trim().toLowerCase().replace(/\s+/g, ' ');
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const pending = embedder.embedQuery(key);
    cache.set(key, pending);
    // A failed embedding must not be served from the cache later.
    pending.catch(() => cache.delete(key));
    if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
    return pending;
  };
}
