import { contentWords, overlap } from './text-terms.js';

/** The parts of a citation the support check reads. */
export interface CitationEvidence {
  n: number;
  quote: string;
  docTitle?: string;
  sectionPath?: string[];
  locator?: string;
}

/** One answer sentence, the citations it rests on and whether their quotes support it. */
export interface SentenceCheck {
  text: string;
  citations: number[];
  /** Share of the sentence's content words found in its cited evidence. */
  overlap: number;
  supported: boolean;
}

/** A sentence is supported when at least this share of its content words occurs in its evidence. */
export const SUPPORT_THRESHOLD = 0.6;
/** Sentences with fewer content words are headings or connectives, not claims, and are not graded. */
export const MIN_CLAIM_WORDS = 3;

const MARKER = /\[(\d+)\]/g;
// A sentence ends at . ! or ? (optionally followed by a closing quote or bracket and citation markers)
// when whitespace and an upper-case letter, digit or opening bracket follow.
const BOUNDARY = /(?<=[.!?]["'\u201d)\]]*(?:\s*\[\d+\])*)\s+(?=[A-Z0-9(\u201c"•])/;

/** Splits an answer into sentences and attaches the [n] markers each one rests on. */
export function citedSentences(answer: string): Array<{ text: string; citations: number[] }> {
  const result: Array<{ text: string; citations: number[] }> = [];
  for (const rawLine of answer.split(/\n+/)) {
    const line = rawLine.replace(/^\s*(?:[•*\-–]|\d+[.)])\s+/, '').trim();
    if (!line) continue;
    const pieces = line.split(BOUNDARY).map((piece) => piece.trim()).filter(Boolean);
    const parsed = pieces.map((piece) => ({
      text: piece.replace(MARKER, '').replace(/\s+([.,;:!?])/g, '$1').trim(),
      citations: [...piece.matchAll(MARKER)].map((match) => Number(match[1])),
    }));
    // "Claim one. Claim two. [1]": a sentence without markers rests on the next marked one in its line,
    // or failing that on the previous one.
    parsed.forEach((sentence, index) => {
      if (sentence.citations.length > 0) return;
      const next = parsed.slice(index + 1).find((other) => other.citations.length > 0);
      const previous = [...parsed.slice(0, index)].reverse().find((other) => other.citations.length > 0);
      sentence.citations = [...(next ?? previous)?.citations ?? []];
    });
    result.push(...parsed.filter((sentence) => sentence.text.length > 0));
  }
  return result;
}

/** The text a citation lends a sentence: its quote plus its own labels (document, heading path, locator). */
export function evidenceText(citation: CitationEvidence): string {
  return [citation.quote, citation.docTitle ?? '', ...(citation.sectionPath ?? []), citation.locator ?? ''].join(' ');
}

/**
 * Checks every claim sentence of an answer against the union of its cited quotes (ALCE-style citation
 * recall, with content-word overlap standing in for an entailment model).
 */
export function checkSentences(options: { answer: string; citations: CitationEvidence[] }): SentenceCheck[] {
  const byNumber = new Map(options.citations.map((citation) => [citation.n, citation]));
  const sentences = citedSentences(options.answer);
  const claims = sentences.filter((sentence) => new Set(contentWords(sentence.text)).size >= MIN_CLAIM_WORDS);
  // An answer made only of short sentences is still graded, so it cannot pass by saying almost nothing.
  const graded = claims.length > 0 ? claims : sentences;
  return graded.map((sentence) => {
    const evidence = sentence.citations
      .map((n) => byNumber.get(n))
      .filter((citation): citation is CitationEvidence => citation !== undefined)
      .map(evidenceText)
      .join(' ');
    const score = evidence ? overlap(sentence.text, evidence) : 0;
    return { text: sentence.text, citations: sentence.citations, overlap: score, supported: score >= SUPPORT_THRESHOLD };
  });
}

/** Share of graded sentences that are supported; null when the answer has no sentences at all. */
export function supportRate(checks: SentenceCheck[]): number | null {
  if (checks.length === 0) return null;
  return checks.filter((check) => check.supported).length / checks.length;
}

/**
 * A citation is precise when its section is one the case expects, or when its own quote (without the
 * other citations) supports at least one sentence it is attached to.
 */
export function citationIsPrecise(options: { citation: CitationEvidence & { sectionId: string }; expectedSections: string[]; sentences: SentenceCheck[] }): boolean {
  const { citation } = options;
  if (options.expectedSections.includes(citation.sectionId)) return true;
  const evidence = evidenceText(citation);
  return options.sentences.some((sentence) => sentence.citations.includes(citation.n) && overlap(sentence.text, evidence) >= SUPPORT_THRESHOLD);
}
