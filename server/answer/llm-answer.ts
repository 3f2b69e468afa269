import type { ChatMessage } from '../contract.js';
import type { RetrievedSection } from '../retrieve/retrieve.js';
import type { Runtime } from '../runtime.js';
import type { ComposedAnswer } from './compose.js';

/** Placeholder until LLM mode lands: always falls back to the extractive answer. */
export async function tryLlmAnswer(_options: {
  runtime: Runtime;
  messages: ChatMessage[];
  question: string;
  retrieved: RetrievedSection[];
  composed: ComposedAnswer;
}): Promise<ComposedAnswer | undefined> {
  return undefined;
}
