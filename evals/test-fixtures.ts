// Builders for the eval's own unit tests: real cases and responses shaped like the server's.
import { summarise } from './aggregate.js';
import type { EvalCase } from './case-schema.js';
import { scoreCase, type ObservedResponse } from './case-metrics.js';
import type { CaseResult, EvalReport, Mode } from './report-types.js';

export const DURATION_SECTION = 'mo:orders-protection-domestic-violence/what-types-of-orders-of-protection-are-there-how-long-do-they-last';
export const DURATION_QUOTE =
  'If the judge grants you an order, it will usually last for a period of time between 180 days and one year. However, it can last between two years and ten years if the judge issues specific written findings that the abuser poses a serious danger to your or your child’s physical or mental health.';

/** An answerable Missouri duration case, as written in cases-dev.jsonl. */
export function durationCase(overrides: Partial<EvalCase> = {}): EvalCase {
  return {
    split: 'dev',
    id: 'mo-duration-test',
    kind: 'answerable',
    persona: 'survivor',
    messages: [{ role: 'user', content: 'how long dose a protection order last in missouri' }],
    expect: { status: 'answered', sections: [DURATION_SECTION], facts: ['180 days', 'one year'], hotlines: [], notice: null },
    ...overrides,
  };
}

/** A cited answer quoting the duration paragraph, the way the extractive composer writes one. */
export function durationAnswer(overrides: Partial<ObservedResponse> = {}): ObservedResponse {
  return {
    status: 'answered',
    answer: 'If the judge grants you an order, it will usually last for a period of time between 180 days and one year. [1]',
    citations: [
      {
        n: 1,
        sectionId: DURATION_SECTION,
        docId: 'mo',
        locator: 'WomensLaw Missouri Q&A: "What types of orders of protection are there? How long do they last?" (MO ST § 455.040(1), (4))',
        quote: DURATION_QUOTE,
        docTitle: 'WomensLaw: Missouri Restraining Orders',
        sectionPath: ['Orders of Protection due to Domestic Violence', 'Basic information', 'What types of orders of protection are there? How long do they last?'],
      },
    ],
    hotlines: [],
    notices: [],
    ...overrides,
  };
}

/** A not-found case for a Kansas question. */
export function kansasCase(): EvalCase {
  return {
    split: 'dev',
    id: 'nf-kansas-test',
    kind: 'not_found',
    persona: 'survivor',
    messages: [{ role: 'user', content: 'how much does it cost to file a protection from abuse order in kansas?' }],
    expect: { status: 'not_found', sections: [], facts: [], hotlines: ['ndvh', 'womenslaw-email'], notice: null },
  };
}

/** Grades a response in hybrid mode with the duration section ranked first unless told otherwise. */
export function graded(evalCase: EvalCase, response: ObservedResponse, options: { retrieved?: string[] | null; mode?: Mode; latencyMs?: number } = {}): CaseResult {
  const retrieved = options.retrieved === undefined ? [...evalCase.expect.sections] : options.retrieved;
  return scoreCase({ evalCase, response, retrieved, latencyMs: options.latencyMs ?? 40, mode: options.mode ?? 'hybrid', k: 5 });
}

/** A report holding the given results per mode, with summaries computed the real way. */
export function reportOf(byMode: Partial<Record<Mode, CaseResult[]>>, createdAt = '2026-01-01T00:00:00.000Z'): EvalReport {
  const modes: EvalReport['modes'] = {};
  for (const [mode, results] of Object.entries(byMode) as Array<[Mode, CaseResult[]]>) modes[mode] = { summary: summarise(mode, results), splits: {}, cases: results };
  return { schemaVersion: 1, createdAt, target: 'in-process', casesFile: 'evals/cases-dev.jsonl', indexBuildId: 'test-build', k: 5, modes, gate: null };
}
