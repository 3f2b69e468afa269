import type { CaseMetrics, CaseResult, Mode, ModeSummary } from './report-types.js';

/** Nearest-rank percentile (p in 0..100) of a list of numbers; 0 for an empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((left, right) => left - right);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

/** Mean of the non-null values, or null when every case skipped the metric. */
export function meanOf(results: CaseResult[], metric: keyof CaseMetrics): number | null {
  const values = results.map((result) => result.metrics[metric]).filter((value): value is number => value !== null);
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** 95% Wilson score interval of a proportion (successes of n). */
export function wilson(successes: number, n: number): [number, number] {
  if (n === 0) return [0, 0];
  const z = 1.96;
  const p = successes / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** The Wilson interval of a 0/1 metric over the cases it applies to. */
function intervalOf(results: CaseResult[], metric: keyof CaseMetrics): [number, number] | undefined {
  const values = results.map((result) => result.metrics[metric]).filter((value): value is number => value !== null);
  return values.length === 0 ? undefined : wilson(values.filter((value) => value === 1).length, values.length);
}

/** Rolls per-case results of one mode up into the overall table row. */
export function summarise(mode: Mode, results: CaseResult[]): ModeSummary {
  const passed = results.filter((result) => result.passed).length;
  const latencies = results.map((result) => result.latencyMs);
  const words = results.map((result) => result.metrics.answerWords).filter((value): value is number => value !== null);
  const confusion: ModeSummary['confusion'] = {};
  for (const result of results) {
    const row = (confusion[result.expect.status] ??= {});
    row[result.status] = (row[result.status] ?? 0) + 1;
  }
  const intervals: ModeSummary['intervals'] = {};
  if (results.length > 0) intervals.passRate = wilson(passed, results.length);
  for (const [key, metric] of [['citationRecall', 'citationRecall'], ['supportQuoted', 'supportQuoted'], ['statusAccuracy', 'statusCorrect']] as const) {
    const interval = intervalOf(results, metric);
    if (interval) intervals[key] = interval;
  }
  const byKind: ModeSummary['byKind'] = {};
  for (const result of results) {
    const entry = byKind[result.kind] ?? { passed: 0, total: 0 };
    entry.total += 1;
    entry.passed += Number(result.passed);
    byKind[result.kind] = entry;
  }
  return {
    mode,
    cases: results.length,
    passed,
    failed: results.length - passed,
    passRate: results.length === 0 ? 0 : passed / results.length,
    recallAtK: meanOf(results, 'recallAtK'),
    mrr: meanOf(results, 'reciprocalRank'),
    citationRecall: meanOf(results, 'citationRecall'),
    citationPrecision: meanOf(results, 'citationPrecision'),
    sentenceSupport: meanOf(results, 'sentenceSupport'),
    factCoverage: meanOf(results, 'factCoverage'),
    statusAccuracy: meanOf(results, 'statusCorrect'),
    hotlinePresence: meanOf(results, 'hotlinePresence'),
    noticePresence: meanOf(results, 'noticePresence'),
    supportQuoted: meanOf(results, 'supportQuoted'),
    refusedRate: meanOf(results, 'refused'),
    medianAnswerWords: words.length === 0 ? null : percentile(words, 50),
    latencyP50Ms: Math.round(percentile(latencies, 50)),
    latencyP95Ms: Math.round(percentile(latencies, 95)),
    byKind,
    intervals,
    confusion,
  };
}

/**
 * Orders results worst first: failed before passed, then by how many checks failed, then by a
 * blend of the graded metrics, so the cases most worth reading come first.
 */
export function worstFirst(results: CaseResult[]): CaseResult[] {
  const quality = (result: CaseResult) => {
    const values = [result.metrics.factCoverage, result.metrics.sentenceSupport, result.metrics.citationRecall, result.metrics.recallAtK, result.metrics.statusCorrect].filter(
      (value): value is number => value !== null,
    );
    return values.length === 0 ? 1 : values.reduce((sum, value) => sum + value, 0) / values.length;
  };
  return [...results].sort(
    (left, right) =>
      Number(left.passed) - Number(right.passed) ||
      right.failures.length - left.failures.length ||
      quality(left) - quality(right) ||
      left.id.localeCompare(right.id),
  );
}
