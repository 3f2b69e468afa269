import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { retrievalModeSchema } from '../server/contract.js';
import { EvalInputError } from './input-error.js';
import { SUMMARY_METRICS, type ModeSummary, type SummaryMetric, type ThresholdFailure } from './report-types.js';

const metricKeys = SUMMARY_METRICS.map((metric) => metric.key) as [SummaryMetric, ...SummaryMetric[]];
const boundsSchema = z.partialRecord(z.enum(metricKeys), z.number().nonnegative());

export const thresholdsSchema = z.object({
  /** The retrieval mode the thresholds apply to; the others are run for comparison only. */
  mode: retrievalModeSchema.default('hybrid'),
  min: boundsSchema.default({}),
  max: boundsSchema.default({}),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

/** Reads evals/thresholds.json; a bad file stops the run with the field that is wrong. */
export function loadThresholds(path: string): Thresholds {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new EvalInputError(`${path}: cannot read thresholds (${(error as Error).message})`);
  }
  const parsed = thresholdsSchema.safeParse(json);
  if (!parsed.success) throw new EvalInputError(`${path}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}

/**
 * Metrics that miss their bound. A metric that could not be measured (null: no case it applies to)
 * is skipped rather than failed, so a run over a subset of cases is not failed for what it left out.
 */
export function checkThresholds(summary: ModeSummary, thresholds: Thresholds): ThresholdFailure[] {
  const failures: ThresholdFailure[] = [];
  for (const [metric, limit] of Object.entries(thresholds.min) as Array<[SummaryMetric, number]>) {
    const actual = summary[metric];
    if (actual !== null && actual < limit) failures.push({ metric, actual, limit, bound: 'min' });
  }
  for (const [metric, limit] of Object.entries(thresholds.max) as Array<[SummaryMetric, number]>) {
    const actual = summary[metric];
    if (actual !== null && actual > limit) failures.push({ metric, actual, limit, bound: 'max' });
  }
  return failures;
}
