import type { Embeddings } from '@langchain/core/embeddings';

/** Query embeddings through an LRU cache: staff retype the same lookups, and follow-ups repeat context. */
export interface QueryEmbeddings {
  embed(text: string): Promise<number[]>;
  /** Several texts in ONE encoder call for those not cached (the safety check's sentences); each is cached for retrieval. */
  embedMany(texts: string[]): Promise<number[][]>;
}

/** The text as the cache keys it and the encoder sees it: only spaces collapsed (case is kept). */
export function embeddingKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/**
 * An LRU cache in front of the encoder. Texts are embedded as typed (only spaces collapsed): the
 * passages were embedded with their capitals, and the encoder tells "MPO" from "mpo".
 */
export function createQueryEmbeddingCache(embedder: Embeddings, capacity: number): QueryEmbeddings {
  const cache = new Map<string, Promise<number[]>>();
  const remember = (key: string, pending: Promise<number[]>) => {
    cache.set(key, pending);
    // A failed embedding must not be served from the cache later.
    pending.catch(() => cache.delete(key));
    while (cache.size > capacity) cache.delete(cache.keys().next().value as string);
  };
  const hit = (key: string) => {
    const found = cache.get(key);
    if (found) {
      cache.delete(key);
      cache.set(key, found);
    }
    return found;
  };
  return {
    embed(text) {
      const key = embeddingKey(text);
      const found = hit(key);
      if (found) return found;
      const pending = embedder.embedQuery(key);
      remember(key, pending);
      return pending;
    },
    async embedMany(texts) {
      const keys = texts.map(embeddingKey);
      const missing = [...new Set(keys.filter((key) => !cache.has(key)))];
      if (missing.length > 0) {
        const batch = embedder.embedDocuments(missing);
        missing.forEach((key, position) => remember(key, batch.then((vectors) => vectors[position])));
      }
      return Promise.all(keys.map((key) => hit(key) ?? this.embed(key)));
    },
  };
}
