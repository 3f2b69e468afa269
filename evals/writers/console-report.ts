import { worstFirst } from '../aggregate.js';
import { formatRatio } from '../case-metrics.js';
import { SUMMARY_METRICS, type CaseResult, type EvalReport } from '../report-types.js';
import { clip, formatDelta, formatMetric, primaryMode, reportModes } from './format.js';

const MAX_FAILED_ROWS = 40;

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function caseRow(result: CaseResult): string {
  const { metrics } = result;
  const cells = [
    pad(result.passed ? 'pass' : 'FAIL', 5),
    pad(result.status, 13),
    pad(formatRatio(metrics.recallAtK), 5),
    pad(formatRatio(metrics.citationRecall), 5),
    pad(formatRatio(metrics.factCoverage), 5),
    pad(formatRatio(metrics.sentenceSupport), 5),
    pad(`${result.latencyMs}`, 6),
    pad(result.id, 34),
  ];
  return `${cells.join(' ')} ${clip(result.failures.join('; '), 110)}`;
}

const interval = (range: [number, number] | undefined) => (range ? ` (${range[0].toFixed(2)}-${range[1].toFixed(2)})` : '');

/** Dev (tuned on) beside test (never tuned on), with 95% intervals, per kind, and the status confusion matrix. */
function splitTable(report: EvalReport, mode: NonNullable<ReturnType<typeof primaryMode>>): string[] {
  const splits = report.modes[mode]!.splits ?? {};
  const present = (['dev', 'test'] as const).filter((split) => splits[split]);
  if (present.length === 0) return [];
  const lines = ['', `Dev and test splits (${mode}; 95% intervals):`, `${pad('metric', 30)} ${present.map((split) => pad(`${split} (${splits[split]!.cases})`, 22)).join(' ')}`];
  for (const { key, label } of SUMMARY_METRICS) {
    const cells = present.map((split) => {
      const summary = splits[split]!;
      return pad(`${formatMetric(summary, key)}${interval(summary.intervals?.[key as keyof typeof summary.intervals])}`, 22);
    });
    lines.push(`${pad(label, 30)} ${cells.join(' ')}`);
  }
  for (const split of present) {
    const summary = splits[split]!;
    lines.push(`by kind (${split}): ${Object.entries(summary.byKind).map(([kind, counts]) => `${kind} ${counts.passed}/${counts.total}`).join(', ')}`);
    const statuses = ['answered', 'not_found', 'out_of_scope', 'emergency'];
    lines.push(`status confusion (${split}), expected -> returned:`);
    for (const expected of statuses) {
      const row = summary.confusion?.[expected];
      if (!row) continue;
      lines.push(`  ${pad(expected, 13)} ${statuses.map((got) => `${got} ${row[got] ?? 0}`).join(', ')}${row.error ? `, error ${row.error}` : ''}`);
    }
  }
  return lines;
}

/** The readable text report for the terminal: worst cases first, then the metric table and the verdict. */
export function consoleReport(report: EvalReport, options: { reportsDir: string }): string {
  const lines: string[] = [];
  const modes = reportModes(report);
  const main = primaryMode(report);
  const caseCount = main ? report.modes[main]!.cases.length : 0;
  lines.push(`Lumen eval: ${caseCount} cases x ${modes.length} mode(s) (${modes.join(', ')}), target ${report.target}, index ${report.indexBuildId ?? 'unknown'}`);
  if (main) {
    const run = report.modes[main]!;
    const failed = worstFirst(run.cases).filter((result) => !result.passed);
    lines.push('', `Cases (${main}), worst first: ${run.summary.failed} failed, ${run.summary.passed} passed`);
    lines.push(`${pad('', 5)} ${pad('status', 13)} ${pad('R@k', 5)} ${pad('cite', 5)} ${pad('facts', 5)} ${pad('supp', 5)} ${pad('ms', 6)} ${pad('case', 34)} why`);
    for (const result of failed.slice(0, MAX_FAILED_ROWS)) lines.push(caseRow(result));
    if (failed.length > MAX_FAILED_ROWS) lines.push(`... and ${failed.length - MAX_FAILED_ROWS} more failed cases (see ${options.reportsDir}/latest.md)`);
    if (failed.length === 0) lines.push('(every case passed)');
  }
  lines.push('', `${pad('metric', 28)} ${modes.map((mode) => pad(mode, 10)).join(' ')}`);
  for (const { key, label } of SUMMARY_METRICS) {
    lines.push(`${pad(label, 28)} ${modes.map((mode) => pad(formatMetric(report.modes[mode]!.summary, key), 10)).join(' ')}`);
  }
  lines.push(`${pad('passed / cases', 28)} ${modes.map((mode) => pad(`${report.modes[mode]!.summary.passed}/${report.modes[mode]!.summary.cases}`, 10)).join(' ')}`);
  if (main) {
    const byKind = Object.entries(report.modes[main]!.summary.byKind).map(([kind, counts]) => `${kind} ${counts.passed}/${counts.total}`);
    lines.push(`by kind (${main}): ${byKind.join(', ')}`);
    lines.push(...splitTable(report, main));
  }
  const comparison = report.gate?.comparison;
  if (comparison) {
    lines.push('', `Baseline ${comparison.baselineFile} (${comparison.baselineCreatedAt}): ${comparison.regressions.length} regression(s), ${comparison.fixed.length} fixed`);
    for (const regression of comparison.regressions) lines.push(`  REGRESSION ${regression.mode} ${regression.id}: ${clip(regression.failures.join('; '), 120)}`);
    for (const change of comparison.fixed) lines.push(`  fixed      ${change.mode} ${change.id}`);
    if (comparison.added.length > 0) lines.push(`  new cases (not compared): ${comparison.added.join(', ')}`);
    if (comparison.removed.length > 0) lines.push(`  cases gone since the baseline: ${comparison.removed.join(', ')}`);
    for (const mode of modes) {
      const deltas = comparison.deltas[mode];
      if (!deltas) continue;
      const changed = SUMMARY_METRICS.filter(({ key }) => !formatDelta(key, deltas[key]).startsWith('±') && deltas[key] !== null).map(({ key }) => `${key} ${formatDelta(key, deltas[key])}`);
      lines.push(`  deltas ${mode}: ${changed.length > 0 ? changed.join(', ') : 'none'}`);
    }
  }
  const gate = report.gate;
  if (gate) {
    lines.push('', gate.ok ? 'Gate: PASSED' : 'Gate: FAILED');
    if (!gate.thresholdMode) lines.push('  (thresholds not checked: their mode was not run)');
    for (const reason of gate.reasons) lines.push(`  - ${clip(reason, 160)}`);
  }
  lines.push('', `Reports: ${options.reportsDir}/latest.json, latest.md, latest.junit.xml, latest.html`);
  return lines.join('\n');
}
