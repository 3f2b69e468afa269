import { answerChat } from '../../server/answer/answer-chat.js';
import { retrieve } from '../../server/retrieve/retrieve.js';
import type { Runtime } from '../../server/runtime.js';
import type { EvalTarget } from './eval-target.js';

/** Calls the server's answer and retrieval functions directly on a loaded runtime (no HTTP, no rate limit). */
export function createInProcessTarget(runtime: Runtime): EvalTarget {
  return {
    name: 'in-process',
    async indexBuildId() {
      return runtime.snapshot.manifest.buildId;
    },
    ask({ messages, mode }) {
      return answerChat(runtime, { messages, retrievalMode: mode });
    },
    async rank({ messages, mode, limit }) {
      const ranked = await retrieve(runtime.snapshot.search, { messages, mode, limit });
      return ranked.map((entry) => entry.section.id);
    },
  };
}
