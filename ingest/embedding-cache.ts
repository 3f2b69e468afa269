import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from './parse.js';

/** Vectors keyed by the hash of the text that was embedded, per embedder, kept across builds. */
export class EmbeddingCache {
  private readonly vectors = new Map<string, Float32Array>();
  private readonly path: string;
  private dirty = false;

  constructor(dataDir: string, embedderId: string) {
    const dir = join(dataDir, 'cache');
    mkdirSync(dir, { recursive: true });
    this.path = join(dir, `embeddings-${sha256(embedderId).slice(0, 16)}.json`);
    if (existsSync(this.path)) {
      try {
        const stored = JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, string>;
        for (const [key, base64] of Object.entries(stored)) {
          const bytes = Buffer.from(base64, 'base64');
          this.vectors.set(key, new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
        }
      } catch {
        // A damaged cache only costs time: start empty and re-embed.
        this.vectors.clear();
      }
    }
  }

  /** The cache key of a text. */
  key(text: string): string {
    return sha256(text);
  }

  get(text: string): number[] | undefined {
    const vector = this.vectors.get(this.key(text));
    return vector ? Array.from(vector) : undefined;
  }

  set(text: string, vector: number[]): void {
    this.vectors.set(this.key(text), Float32Array.from(vector));
    this.dirty = true;
  }

  /** Drops entries no longer used so the cache does not grow forever. */
  retainOnly(texts: string[]): void {
    const keep = new Set(texts.map((text) => this.key(text)));
    for (const key of this.vectors.keys()) {
      if (!keep.has(key)) {
        this.vectors.delete(key);
        this.dirty = true;
      }
    }
  }

  /** Writes the cache atomically (temp file, then rename). */
  save(): void {
    if (!this.dirty) return;
    const out: Record<string, string> = {};
    for (const [key, vector] of this.vectors) out[key] = Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');
    const temp = `${this.path}.tmp-${process.pid}`;
    writeFileSync(temp, JSON.stringify(out));
    renameSync(temp, this.path);
    this.dirty = false;
  }
}
