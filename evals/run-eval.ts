import { performance } from 'node:perf_hooks';
import { summarise } from './aggregate.js';
import type { EvalCase } from './case-schema.js';
import { errorResult, scoreCase } from './case-metrics.js';
import type { CaseResult, EvalReport, Mode, ModeRun } from './report-types.js';
import type { EvalTarget } from './targets/eval-target.js';

/** Recall is read at this cut-off; the ranking is fetched deeper so MRR sees a little further. */
export const DEFAULT_K = 5;
const RANK_DEPTH = 10;

export interface RunOptions {
  cases: EvalCase[];
  target: EvalTarget;
  modes: Mode[];
  casesFile: string;
  k?: number;
  /** Called after each case, for progress output. */
  onCase?: (result: CaseResult, position: { done: number; total: number }) => void;
}

/** Runs one case: asks, times the answer, fetches the ranking when the case expects an answer, grades. */
export async function runCase(options: { evalCase: EvalCase; target: EvalTarget; mode: Mode; k: number }): Promise<CaseResult> {
  const { evalCase, target, mode, k } = options;
  const started = performance.now();
  try {
    const response = await target.ask({ messages: evalCase.messages, mode });
    // Latency is the answer alone; the extra ranking call below is the grader's, not the user's.
    const latencyMs = Math.round(performance.now() - started);
    const retrieved = evalCase.expect.status === 'answered' ? await target.rank({ messages: evalCase.messages, mode, limit: Math.max(RANK_DEPTH, k) }) : null;
    return scoreCase({ evalCase, response, retrieved, latencyMs, mode, k });
  } catch (error) {
    return errorResult({ evalCase, mode, error, latencyMs: Math.round(performance.now() - started) });
  }
}

/** Runs every case in every requested mode, one request at a time so latencies are not contended. */
export async function runEval(options: RunOptions): Promise<EvalReport> {
  const k = options.k ?? DEFAULT_K;
  const modes: EvalReport['modes'] = {};
  const total = options.cases.length * options.modes.length;
  let done = 0;
  for (const mode of options.modes) {
    const results: CaseResult[] = [];
    for (const evalCase of options.cases) {
      const result = await runCase({ evalCase, target: options.target, mode, k });
      results.push(result);
      done += 1;
      options.onCase?.(result, { done, total });
    }
    const splits: ModeRun['splits'] = {};
    for (const split of ['dev', 'test'] as const) {
      const part = results.filter((result) => result.split === split);
      if (part.length > 0) splits[split] = summarise(mode, part);
    }
    const run: ModeRun = { summary: summarise(mode, results), splits, cases: results };
    modes[mode] = run;
  }
  return {
    schemaVersion: 1,
    createdAt: new Date().toISOString(),
    target: options.target.name,
    casesFile: options.casesFile,
    indexBuildId: await options.target.indexBuildId(),
    k,
    modes,
    gate: null,
  };
}
