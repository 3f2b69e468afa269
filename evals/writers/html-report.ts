import { worstFirst } from '../aggregate.js';
import { SUMMARY_METRICS, type EvalReport } from '../report-types.js';
import { escapeHtml as e } from './escape.js';
import { formatDelta, formatMetric, reportModes } from './format.js';
import { htmlCase } from './html-case.js';

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;margin:.5rem 0;width:100%}th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.ok{color:#136f2d}.bad{color:#a8071a}.good{color:#136f2d}.muted{color:#666}
details.case{border:1px solid #ddd;border-left:6px solid #136f2d;margin:.4rem 0;border-radius:4px}
details.case.fail{border-left-color:#a8071a}
details.case summary{cursor:pointer;padding:.4rem .6rem}
.badge{display:inline-block;min-width:3em;font-weight:600}
.fail .badge{color:#a8071a}.pass .badge{color:#136f2d}
.why{color:#a8071a;margin:.2rem 0 0 3.3em;font-size:13px}
.body{padding:0 .8rem .8rem}
pre{white-space:pre-wrap;background:#f6f6f6;padding:.6rem;border-radius:4px}
.msg{margin:.2rem 0}.msg.assistant{color:#444}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:.5rem 1.5rem}
code{word-break:break-word}
tr.unsupported td{background:#fff1f0}
ul{margin:.2rem 0;padding-left:1.2rem}
`;

/** latest.html: one self-contained page (no scripts, no external files), every value escaped. */
export function htmlReport(report: EvalReport): string {
  const modes = reportModes(report);
  const gate = report.gate;
  const metricRows = SUMMARY_METRICS.map(
    ({ key, label }) => `<tr><td>${e(label)}</td>${modes.map((mode) => `<td class="num">${e(formatMetric(report.modes[mode]!.summary, key))}</td>`).join('')}</tr>`,
  ).join('');
  const gateHtml = gate
    ? `<h2 class="${gate.ok ? 'ok' : 'bad'}">Gate: ${gate.ok ? 'passed' : 'FAILED'}</h2>${gate.reasons.length > 0 ? `<ul>${gate.reasons.map((reason) => `<li>${e(reason)}</li>`).join('')}</ul>` : '<p>All thresholds hold and no case regressed.</p>'}`
    : '';
  const comparison = gate?.comparison;
  const comparisonHtml = comparison
    ? `<h2>Compared with ${e(comparison.baselineFile)}</h2><p class="muted">baseline from ${e(comparison.baselineCreatedAt)}: ${comparison.regressions.length} regression(s), ${comparison.fixed.length} fixed</p>
<ul>${comparison.regressions.map((change) => `<li class="bad">Regression (${e(change.mode)}) <code>${e(change.id)}</code>: ${e(change.failures.join('; '))}</li>`).join('')}${comparison.fixed.map((change) => `<li class="ok">Fixed (${e(change.mode)}) <code>${e(change.id)}</code></li>`).join('')}</ul>
<table><thead><tr><th>metric</th>${modes.map((mode) => `<th>Δ ${e(mode)}</th>`).join('')}</tr></thead><tbody>${SUMMARY_METRICS.map(
        ({ key, label }) => `<tr><td>${e(label)}</td>${modes.map((mode) => `<td class="num">${e(formatDelta(key, comparison.deltas[mode]?.[key]))}</td>`).join('')}</tr>`,
      ).join('')}</tbody></table>`
    : '';
  const modeSections = modes
    .map((mode) => {
      const run = report.modes[mode]!;
      const kinds = Object.entries(run.summary.byKind).map(([kind, counts]) => `${kind} ${counts.passed}/${counts.total}`).join(', ');
      return `<section><h2>${e(mode)}: ${run.summary.passed}/${run.summary.cases} passed</h2><p class="muted">${e(kinds)}</p>${worstFirst(run.cases).map(htmlCase).join('\n')}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lumen evaluation ${e(report.createdAt)}</title><style>${STYLE}</style></head>
<body>
<h1>Lumen evaluation</h1>
<p class="muted">${e(report.createdAt)} · target ${e(report.target)} · index ${e(report.indexBuildId ?? 'unknown')} · cases ${e(report.casesFile)} · recall at k = ${report.k}</p>
${gateHtml}
<h2>Metrics</h2>
<table><thead><tr><th>metric</th>${modes.map((mode) => `<th>${e(mode)}</th>`).join('')}</tr></thead><tbody>${metricRows}</tbody></table>
${comparisonHtml}
${modeSections}
</body></html>
`;
}
