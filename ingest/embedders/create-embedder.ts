import type { Embeddings } from '@langchain/core/embeddings';
import { createOpenAiEmbeddings } from './openai-embeddings.js';
import { UseEmbeddings } from './use-embeddings.js';

/** An Embeddings implementation with a stable id recorded in the index manifest. */
export type NamedEmbeddings = Embeddings & { id: string };

export type EmbedderConfig =
  | { provider: 'use' }
  | { provider: 'openai'; baseUrl: string; model: string; apiKey: string; timeoutMs: number };

/** Creates the configured embedder; the local encoder is the default and needs no network. */
export function createEmbedder(config: EmbedderConfig): NamedEmbeddings {
  if (config.provider === 'openai') return createOpenAiEmbeddings(config);
  return new UseEmbeddings();
}

/** The id an embedder config will record, without loading any model. */
export function embedderId(config: EmbedderConfig): string {
  return config.provider === 'openai' ? `openai:${config.model}@${config.baseUrl}` : 'use-lite-512';
}
