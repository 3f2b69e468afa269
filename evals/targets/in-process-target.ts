import { runChat } from '../../server/pipeline/answer-chat.js';
import type { ParamOverrides } from '../../server/pipeline/params.js';
import type { Runtime } from '../../server/runtime.js';
import type { EvalTarget } from './eval-target.js';

/**
 * Calls the server's answer pipeline directly on a loaded runtime (no HTTP, no rate limit). The ranking
 * graded is the one the answer was built from, read from the same run.
 */
export function createInProcessTarget(runtime: Runtime, options: { params?: ParamOverrides } = {}): EvalTarget {
  const rankings = new WeakMap<object, string[]>();
  return {
    name: 'in-process',
    async indexBuildId() {
      return runtime.snapshot.manifest.buildId;
    },
    async ask({ messages, mode }) {
      const run = await runChat(runtime, { messages, retrievalMode: mode, params: options.params });
      rankings.set(messages, (run.candidates ?? []).map((candidate) => candidate.section.id));
      return run.response;
    },
    async rank({ messages, mode, limit }) {
      const ranked = rankings.get(messages) ?? ((await runChat(runtime, { messages, retrievalMode: mode, params: options.params })).candidates ?? []).map((candidate) => candidate.section.id);
      return ranked.slice(0, limit);
    },
  };
}
