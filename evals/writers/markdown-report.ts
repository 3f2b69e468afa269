import { worstFirst } from '../aggregate.js';
import { formatRatio } from '../case-metrics.js';
import { SUMMARY_METRICS, type EvalReport } from '../report-types.js';
import { clip, formatDelta, formatMetric, primaryMode, question, reportModes } from './format.js';

/** Makes text safe inside a Markdown table cell: one line, pipes and HTML brackets escaped. */
export function markdownCell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').trim();
}

/** latest.md: summary per mode, the gate, regressions, then every failed case per mode. */
export function markdownReport(report: EvalReport): string {
  const modes = reportModes(report);
  const lines: string[] = [`# Lumen evaluation`, '', `- Run: ${report.createdAt}`, `- Target: ${report.target}`, `- Index: ${report.indexBuildId ?? 'unknown'}`, `- Cases: ${markdownCell(report.casesFile)}, recall at k = ${report.k}`];
  const gate = report.gate;
  if (gate) {
    lines.push('', `## Gate: ${gate.ok ? 'passed' : 'FAILED'}`, '');
    if (gate.reasons.length === 0) lines.push('All thresholds hold and no case regressed.');
    for (const reason of gate.reasons) lines.push(`- ${markdownCell(reason)}`);
  }
  lines.push('', '## Metrics', '', `| metric | ${modes.join(' | ')} |`, `|---|${modes.map(() => '---:').join('|')}|`);
  for (const { key, label } of SUMMARY_METRICS) lines.push(`| ${label} | ${modes.map((mode) => formatMetric(report.modes[mode]!.summary, key)).join(' | ')} |`);
  lines.push(`| passed / cases | ${modes.map((mode) => `${report.modes[mode]!.summary.passed}/${report.modes[mode]!.summary.cases}`).join(' | ')} |`);
  const main = primaryMode(report);
  if (main) {
    lines.push('', `By kind (${main}): ${Object.entries(report.modes[main]!.summary.byKind).map(([kind, counts]) => `${kind} ${counts.passed}/${counts.total}`).join(', ')}`);
  }
  const comparison = gate?.comparison;
  if (comparison) {
    lines.push('', `## Compared with ${markdownCell(comparison.baselineFile)} (${comparison.baselineCreatedAt})`, '');
    lines.push(`${comparison.regressions.length} regression(s), ${comparison.fixed.length} fixed.`, '');
    for (const regression of comparison.regressions) lines.push(`- **Regression** (${regression.mode}) \`${regression.id}\`: ${markdownCell(regression.failures.join('; '))}`);
    for (const change of comparison.fixed) lines.push(`- Fixed (${change.mode}) \`${change.id}\``);
    if (comparison.added.length > 0) lines.push(`- New cases, not compared: ${comparison.added.map((id) => `\`${id}\``).join(', ')}`);
    if (comparison.removed.length > 0) lines.push(`- Cases gone since the baseline: ${comparison.removed.map((id) => `\`${id}\``).join(', ')}`);
    lines.push('', `| metric | ${modes.map((mode) => `Δ ${mode}`).join(' | ')} |`, `|---|${modes.map(() => '---:').join('|')}|`);
    for (const { key, label } of SUMMARY_METRICS) lines.push(`| ${label} | ${modes.map((mode) => formatDelta(key, comparison.deltas[mode]?.[key])).join(' | ')} |`);
  }
  for (const mode of modes) {
    const failed = worstFirst(report.modes[mode]!.cases).filter((result) => !result.passed);
    lines.push('', `## Failed cases: ${mode} (${failed.length})`, '');
    if (failed.length === 0) {
      lines.push('None.');
      continue;
    }
    lines.push('| case | kind | question | status | R@k | cited | facts | support | why |', '|---|---|---|---|---:|---:|---:|---:|---|');
    for (const result of failed) {
      const { metrics } = result;
      lines.push(
        `| \`${result.id}\` | ${result.kind} | ${markdownCell(clip(question(result), 90))} | ${result.status} | ${formatRatio(metrics.recallAtK)} | ${formatRatio(metrics.citationRecall)} | ${formatRatio(metrics.factCoverage)} | ${formatRatio(metrics.sentenceSupport)} | ${markdownCell(result.failures.join('; '))} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
