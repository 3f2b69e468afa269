import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import type { LlmConfig } from '../config.js';
import { withDeadline } from './llm-deadline.js';
import { buildPrompt } from './llm-prompt.js';
import type { LlmComposer } from './llm-types.js';

/** Long enough for six cited sentences; a bound keeps a chatty model inside the time budget. */
const MAX_OUTPUT_TOKENS = 600;

/** An LLM composer on any OpenAI-compatible chat endpoint; one attempt, no retries, bounded by the configured timeout. */
export function createLlmComposer(config: LlmConfig): LlmComposer {
  const model = new ChatOpenAI({
    model: config.model,
    apiKey: config.apiKey,
    configuration: { baseURL: config.baseUrl },
    timeout: config.timeoutMs,
    // A retry would double the wait of someone who may be in a hurry; the extractive answer is ready.
    maxRetries: 0,
    temperature: 0,
    maxTokens: MAX_OUTPUT_TOKENS,
  });
  return {
    async compose({ question, passages, signal }) {
      const prompt = buildPrompt({ question, passages });
      // The client's own timeout stops once headers arrive; this deadline also covers a body that trickles.
      const message = await withDeadline((deadline) => model.invoke([new SystemMessage(prompt.system), new HumanMessage(prompt.user)], { signal: deadline }), {
        timeoutMs: config.timeoutMs,
        signal,
      });
      if (typeof message.content !== 'string' && !Array.isArray(message.content)) throw new Error('the model returned no text');
      return message.text;
    },
  };
}
