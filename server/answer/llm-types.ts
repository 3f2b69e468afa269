import type { ChatMessage } from '../contract.js';

/** A numbered passage the model may cite as [n]; the model sees nothing else from the documents. */
export interface Passage {
  n: number;
  sectionId: string;
  docId: string;
  locator: string;
  text: string;
}

/** Something that turns numbered passages into a cited answer (an OpenAI-compatible chat model). */
export interface LlmComposer {
  /** Returns the model's raw answer text; rejects on error or timeout. */
  compose(options: { question: string; history: ChatMessage[]; passages: Passage[]; signal?: AbortSignal }): Promise<string>;
}
