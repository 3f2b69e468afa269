import { formatRatio } from '../case-metrics.js';
import { ALL_MODES, SUMMARY_METRICS, type CaseResult, type EvalReport, type Mode, type ModeSummary, type SummaryMetric } from '../report-types.js';

/** The modes a report holds, in the fixed order hybrid, lexical, vector. */
export function reportModes(report: EvalReport): Mode[] {
  return ALL_MODES.filter((mode) => report.modes[mode]);
}

/** A summary value as shown in tables: ratios with two decimals, latencies in whole ms. */
export function formatMetric(summary: ModeSummary, metric: SummaryMetric): string {
  const value = summary[metric];
  const unit = SUMMARY_METRICS.find((entry) => entry.key === metric)?.unit;
  if (value === null) return 'n/a';
  return unit === 'ms' ? `${Math.round(value)} ms` : unit === 'count' ? String(Math.round(value)) : formatRatio(value);
}

/** A signed delta: "+0.03", "-12 ms", "±0.00" or "n/a". */
export function formatDelta(metric: SummaryMetric, delta: number | null | undefined): string {
  if (delta === null || delta === undefined) return 'n/a';
  const unit = SUMMARY_METRICS.find((entry) => entry.key === metric)?.unit;
  const magnitude = unit === 'ms' ? `${Math.abs(Math.round(delta))} ms` : Math.abs(delta).toFixed(2);
  if (magnitude === '0.00' || magnitude === '0 ms') return `±${magnitude}`;
  return `${delta > 0 ? '+' : '-'}${magnitude}`;
}

/** The mode a reader looks at first: the gated one when it ran, else the first one run. */
export function primaryMode(report: EvalReport): Mode | undefined {
  return report.gate?.thresholdMode ?? reportModes(report)[0];
}

/** The latest user message of a case, which is what the case asks. */
export function question(result: CaseResult): string {
  return [...result.messages].reverse().find((message) => message.role === 'user')?.content ?? '';
}

/** Shortens a one-line string to at most `max` characters. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
