import { caseDocument, type EvalCase } from './case-schema.js';
import type { CaseMetrics, CaseResult, CitedPassage, Mode } from './report-types.js';
import { checkSentences, citationIsPrecise, supportRate, type SentenceCheck } from './sentence-support.js';
import { FRAMING_LINES } from '../server/pipeline/render.js';
import { containsFact, contentWords } from './text-terms.js';

/** The parts of a chat response the grader reads (a ChatResponse satisfies it). */
export interface ObservedResponse {
  status: string;
  answer: string;
  citations: Array<{ n: number; sectionId: string; docId: string; locator: string; quote: string; docTitle?: string; sectionPath?: string[] }>;
  hotlines: Array<{ id: string }>;
  notices: Array<{ kind: string }>;
  /** Which composer wrote the answer ("extractive" or "llm"), when the response says. */
  composer?: string;
}

/** Pass bars for one case; the README explains each. */
export const CASE_BARS = { factCoverage: 0.5, sentenceSupport: 0.8 } as const;

/** Grades one response against its case and decides pass or fail, naming every reason for a fail. */
export function scoreCase(options: { evalCase: EvalCase; response: ObservedResponse; retrieved: string[] | null; latencyMs: number; mode: Mode; k: number }): CaseResult {
  const { evalCase, response, retrieved, k } = options;
  const { expect } = evalCase;
  const expectsAnswer = expect.status === 'answered';
  const failures: string[] = [];

  // The renderer's own framing lines ("The documents may not answer this exactly ...") carry no claim.
  const claims = response.answer.split('\n').filter((line) => !FRAMING_LINES.includes(line.trim())).join('\n');
  const sentences: SentenceCheck[] = response.status === 'answered' ? checkSentences({ answer: claims, citations: response.citations }) : [];
  const citations: CitedPassage[] = response.citations.map((citation) => ({
    n: citation.n,
    sectionId: citation.sectionId,
    docId: citation.docId,
    locator: citation.locator,
    quote: citation.quote,
    expected: expect.sections.includes(citation.sectionId),
    precise: citationIsPrecise({ citation, expectedSections: expect.sections, sentences }),
  }));

  const rank = retrieved ? retrieved.findIndex((id) => expect.sections.includes(id)) : -1;
  const factText = `${response.answer}\n${response.citations.map((citation) => citation.locator).join('\n')}`;
  const missingFacts = expect.facts.filter((fact) => !containsFact(factText, fact));
  const hotlineIds = response.hotlines.map((hotline) => hotline.id);
  const missingHotlines = expect.hotlines.filter((id) => !hotlineIds.includes(id));
  const noticeKinds = response.notices.map((notice) => notice.kind);

  const metrics: CaseMetrics = {
    recallAtK: expectsAnswer && retrieved ? Number(rank >= 0 && rank < k) : null,
    reciprocalRank: expectsAnswer && retrieved ? (rank >= 0 ? 1 / (rank + 1) : 0) : null,
    citationRecall: expectsAnswer ? Number(citations.some((citation) => citation.expected)) : null,
    citationPrecision: expectsAnswer && citations.length > 0 ? citations.filter((citation) => citation.precise).length / citations.length : null,
    sentenceSupport: response.status === 'answered' ? (supportRate(sentences) ?? 0) : null,
    factCoverage: expectsAnswer ? (expect.facts.length === 0 ? 1 : (expect.facts.length - missingFacts.length) / expect.facts.length) : null,
    statusCorrect: Number(response.status === expect.status),
    hotlinePresence: expectsAnswer ? null : Number(missingHotlines.length === 0),
    noticePresence: expect.notice ? Number(noticeKinds.includes(expect.notice)) : null,
    supportQuoted: expectsAnswer && expect.support ? Number(quotesSupport(expect.support, response.citations.map((citation) => citation.quote))) : null,
    refused: expectsAnswer ? Number(response.status === 'not_found' || response.status === 'out_of_scope') : null,
    answerWords: response.status === 'answered' ? claims.replace(/\[\d+\]/g, '').split(/\s+/).filter(Boolean).length : null,
  };

  if (!metrics.statusCorrect) failures.push(`status ${response.status}, expected ${expect.status}`);
  if (expectsAnswer) {
    if (metrics.recallAtK === 0) failures.push(`no expected section in the top ${k} retrieved`);
    if (metrics.supportQuoted === 0) failures.push('no citation quotes a supporting passage');
    if (!metrics.citationRecall) failures.push('no expected section cited');
    if ((metrics.factCoverage ?? 0) < CASE_BARS.factCoverage) failures.push(`key facts missing: ${missingFacts.map((fact) => `"${fact}"`).join(', ')}`);
    if (response.status === 'answered' && (metrics.sentenceSupport ?? 0) < CASE_BARS.sentenceSupport) {
      const unsupported = sentences.filter((sentence) => !sentence.supported).length;
      failures.push(`sentence support ${formatRatio(metrics.sentenceSupport)} (${unsupported} of ${sentences.length} sentences unsupported)`);
    }
  } else {
    if (missingHotlines.length > 0) failures.push(`hotlines missing: ${missingHotlines.join(', ')}`);
    if (expect.status !== 'emergency' && citations.length > 0) failures.push(`${citations.length} citations on a ${expect.status} answer`);
  }
  if (expect.notice && !metrics.noticePresence) failures.push(`no ${expect.notice} notice`);

  return {
    id: evalCase.id,
    split: evalCase.split,
    kind: evalCase.kind,
    persona: evalCase.persona,
    document: caseDocument(evalCase),
    mode: options.mode,
    messages: evalCase.messages,
    expect,
    status: response.status,
    answer: response.answer,
    citations,
    hotlines: hotlineIds,
    notices: noticeKinds,
    retrieved,
    sentences,
    missingFacts,
    missingHotlines,
    metrics,
    failures,
    passed: failures.length === 0,
    latencyMs: options.latencyMs,
    composer: response.composer ?? null,
  };
}

/** A failed result for a case whose request threw (timeout, HTTP error, crash). */
export function errorResult(options: { evalCase: EvalCase; mode: Mode; error: unknown; latencyMs: number }): CaseResult {
  const message = options.error instanceof Error ? options.error.message : String(options.error);
  const result = scoreCase({
    evalCase: options.evalCase,
    response: { status: 'error', answer: '', citations: [], hotlines: [], notices: [] },
    retrieved: null,
    latencyMs: options.latencyMs,
    mode: options.mode,
    k: 1,
  });
  return { ...result, error: message, failures: [`request failed: ${message}`, ...result.failures], passed: false };
}

/** Share of a passage's content words a quote must hold to count as quoting it (a quote may trim a clause). */
export const SUPPORT_COVERAGE = 0.8;

/** True when some quote holds (nearly) all the content words of some supporting passage. */
export function quotesSupport(support: string[], quotes: string[]): boolean {
  const quoted = quotes.map((quote) => new Set(contentWords(quote)));
  return support.some((passage) => {
    const words = contentWords(passage);
    return words.length > 0 && quoted.some((set) => words.filter((word) => set.has(word)).length / words.length >= SUPPORT_COVERAGE);
  });
}

/** "0.83" or "n/a". */
export function formatRatio(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(2);
}
