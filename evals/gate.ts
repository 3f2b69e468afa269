import { compareWithBaseline, type Baseline } from './baseline.js';
import { formatRatio } from './case-metrics.js';
import type { EvalReport, GateVerdict, ThresholdFailure } from './report-types.js';
import { checkThresholds, type Thresholds } from './thresholds.js';

/** "sentenceSupport 0.74 < 0.80" or "latencyP95Ms 950 > 800". */
export function describeThresholdFailure(failure: ThresholdFailure): string {
  const format = (value: number | null) => (failure.metric.endsWith('Ms') ? String(Math.round(value ?? 0)) : formatRatio(value));
  return `${failure.metric} ${format(failure.actual)} ${failure.bound === 'min' ? '<' : '>'} ${format(failure.limit)}`;
}

/**
 * Decides whether the run may ship: the thresholds hold in their mode (when it was run) and, with a
 * baseline, no case went from pass to fail in any mode that both runs have.
 */
export function gateVerdict(options: { report: EvalReport; thresholds: Thresholds | null; baseline?: { baseline: Baseline; file: string }; knownCaseIds?: string[] }): GateVerdict {
  const { report, thresholds } = options;
  const reasons: string[] = [];
  const thresholdMode = thresholds && report.modes[thresholds.mode] ? thresholds.mode : null;
  // The thresholds gate the held-out test split when the run has one: dev numbers are tuned on and say less.
  const run = thresholdMode ? report.modes[thresholdMode]! : undefined;
  const gated = run?.splits?.test ?? run?.summary;
  const part = run?.splits?.test ? 'test split' : 'all cases';
  const thresholdFailures = thresholds && gated ? checkThresholds(gated, thresholds) : [];
  for (const failure of thresholdFailures) reasons.push(`${thresholdMode} (${part}): ${describeThresholdFailure(failure)}`);
  const comparison = options.baseline ? compareWithBaseline({ report, baseline: options.baseline.baseline, baselineFile: options.baseline.file, knownCaseIds: options.knownCaseIds }) : null;
  for (const regression of comparison?.regressions ?? []) reasons.push(`regression (${regression.mode}): ${regression.id}: ${regression.failures.join('; ')}`);
  return { ok: reasons.length === 0, thresholdMode, thresholdFailures, comparison, reasons };
}
