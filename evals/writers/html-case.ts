import { formatRatio } from '../case-metrics.js';
import type { CaseResult } from '../report-types.js';
import { escapeHtml as e } from './escape.js';
import { clip, question } from './format.js';

function list(items: string[], empty = 'none'): string {
  return items.length === 0 ? `<span class="muted">${e(empty)}</span>` : `<ul>${items.join('')}</ul>`;
}

function conversation(result: CaseResult): string {
  return result.messages.map((message) => `<div class="msg ${message.role}"><b>${e(message.role)}</b> ${e(message.content)}</div>`).join('');
}

function citations(result: CaseResult): string {
  if (result.citations.length === 0) return '<p class="muted">No citations.</p>';
  const rows = result.citations.map(
    (citation) =>
      `<tr><td>[${citation.n}]</td><td><code>${e(citation.sectionId)}</code><br>${e(citation.locator)}</td><td>${e(citation.quote)}</td><td>${citation.expected ? 'expected' : ''}${citation.precise ? '' : ' <b class="bad">imprecise</b>'}</td></tr>`,
  );
  return `<table><thead><tr><th>n</th><th>section / locator</th><th>quote</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function sentences(result: CaseResult): string {
  if (result.sentences.length === 0) return '';
  const rows = result.sentences.map(
    (sentence) =>
      `<tr class="${sentence.supported ? '' : 'unsupported'}"><td>${e(sentence.text)}</td><td>${e(sentence.citations.map((n) => `[${n}]`).join(' ') || 'none')}</td><td>${sentence.overlap.toFixed(2)}</td></tr>`,
  );
  return `<h4>Sentence support</h4><table><thead><tr><th>sentence</th><th>cites</th><th>overlap</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** One case as a collapsible block: question, answer, citations with locators, and what failed. */
export function htmlCase(result: CaseResult): string {
  const { expect, metrics } = result;
  const facts = expect.facts.map((fact) => `<li class="${result.missingFacts.includes(fact) ? 'bad' : 'good'}">${e(fact)}</li>`);
  const hotlines = expect.hotlines.map((id) => `<li class="${result.missingHotlines.includes(id) ? 'bad' : 'good'}">${e(id)}</li>`);
  const retrieved = (result.retrieved ?? []).map((id, index) => `<li class="${expect.sections.includes(id) ? 'good' : ''}">${index + 1}. <code>${e(id)}</code></li>`);
  const numbers = `R@k ${formatRatio(metrics.recallAtK)} · RR ${formatRatio(metrics.reciprocalRank)} · cited ${formatRatio(metrics.citationRecall)} · precision ${formatRatio(metrics.citationPrecision)} · facts ${formatRatio(metrics.factCoverage)} · support ${formatRatio(metrics.sentenceSupport)} · ${result.latencyMs} ms${result.composer ? ` · ${result.composer} composer` : ''}`;
  return `<details class="case ${result.passed ? 'pass' : 'fail'}">
<summary><span class="badge">${result.passed ? 'pass' : 'FAIL'}</span> <code>${e(result.id)}</code> <span class="muted">${e(result.kind)} · ${e(result.persona)}</span> ${e(clip(question(result), 100))}${result.failures.length > 0 ? `<div class="why">${e(result.failures.join('; '))}</div>` : ''}</summary>
<div class="body">
<h4>Conversation</h4>${conversation(result)}
<h4>Answer <span class="muted">(status ${e(result.status)}, expected ${e(expect.status)})</span></h4><pre>${e(result.answer || '(empty)')}</pre>
${result.error ? `<p class="bad">Error: ${e(result.error)}</p>` : ''}
<h4>Citations</h4>${citations(result)}
${sentences(result)}
<div class="grid">
<div><h4>Expected sections</h4>${list(expect.sections.map((id) => `<li><code>${e(id)}</code></li>`))}</div>
<div><h4>Retrieved</h4>${result.retrieved === null ? '<span class="muted">not measured</span>' : list(retrieved)}</div>
<div><h4>Key facts</h4>${list(facts)}</div>
<div><h4>Hotlines expected</h4>${list(hotlines)}<p class="muted">given: ${e(result.hotlines.join(', ') || 'none')}</p></div>
<div><h4>Notices</h4><p>${e(result.notices.join(', ') || 'none')}${expect.notice ? ` <span class="muted">(expected ${e(expect.notice)})</span>` : ''}</p></div>
</div>
<p class="muted">${e(numbers)}</p>
</div>
</details>`;
}
