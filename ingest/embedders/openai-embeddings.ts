import { OpenAIEmbeddings } from '@langchain/openai';

export interface OpenAiEmbedderOptions {
  baseUrl: string;
  model: string;
  apiKey: string;
  timeoutMs: number;
}

/** An OpenAI-compatible embedding server (any /v1/embeddings endpoint), for deployments that run one. */
export function createOpenAiEmbeddings(options: OpenAiEmbedderOptions): OpenAIEmbeddings & { id: string } {
  const embeddings = new OpenAIEmbeddings({
    model: options.model,
    apiKey: options.apiKey,
    timeout: options.timeoutMs,
    maxRetries: 1,
    batchSize: 64,
    configuration: { baseURL: options.baseUrl },
  });
  return Object.assign(embeddings, { id: `openai:${options.model}@${options.baseUrl}` });
}
