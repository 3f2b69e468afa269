import type { Embeddings } from '@langchain/core/embeddings';
import type { ChatMessage } from '../contract.js';
import type { Params } from '../pipeline/params.js';
import { createSafetyClassifier, type SafetyClassifier, type SafetyParams, type SafetyResult } from './classifier.js';
import { loadSafetyExamples, type SafetyExample } from '../../ingest/safety-examples.js';

/**
 * Loads corpus/safety-examples.jsonl, embeds every example in one batched call and builds the classifier; run
 * once at startup. Serving uses both splits by default (more examples, better neighbours); measuring the test
 * split must use `splits: ['dev']`, as evals/safety-report.ts and the tests do.
 */
export async function loadSafetyClassifier(options: {
  corpusDir: string;
  embedder: Embeddings;
  params?: Params | SafetyParams;
  splits?: Array<SafetyExample['split']>;
}): Promise<SafetyClassifier> {
  const splits = options.splits ?? ['dev', 'test'];
  const examples = loadSafetyExamples(options.corpusDir).filter((example) => splits.includes(example.split));
  const vectors = await options.embedder.embedDocuments(examples.map((example) => example.text));
  return createSafetyClassifier({ examples, vectors, params: options.params });
}

/** Classifies the latest user message of a conversation with ONE encoder call (of classifier.texts(messages)). */
export async function classifySafety(options: { classifier: SafetyClassifier; embedder: Embeddings; messages: ChatMessage[] }): Promise<SafetyResult> {
  const embeddings = await options.embedder.embedDocuments(options.classifier.texts(options.messages));
  return options.classifier.classify({ messages: options.messages, embeddings });
}
