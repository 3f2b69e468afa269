import { splitSentences } from '../../ingest/text.js';
import { faithfulnessFailure } from './faithfulness/check.js';
import type { LlmCheckFailure, Passage } from './llm-types.js';

export const MAX_ANSWER_CHARS = 4000;

/** One accepted sentence: its text without markers and the passages it cites, in the order written. */
export interface CheckedSentence {
  text: string;
  refs: number[];
  /** Which line of the answer it came from, so list-like answers keep their line breaks. */
  line: number;
}

export type LlmCheckResult = { ok: true; sentences: CheckedSentence[] } | { ok: false; reason: LlmCheckFailure };

const MARKER = /\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]/g;
const TRAILING_MARKERS = /(?:\s*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\])+\s*[.!?:;]?["')]?\s*$/;
const BULLET = /^\s*(?:[-*\u2022]|\d{1,2}[.)])\s+/;

/**
 * Accepts a model answer only if every sentence ends with [n] markers naming real passages and says
 * what they say (faithfulness/check.ts: numbers, invented words, roles, negation, modality, time
 * relations, quantifiers, conditions). One refused sentence refuses the answer, so the extractive
 * answer is served instead. Deterministic on purpose: the same answer and passages always get the
 * same verdict.
 */
export function checkLlmAnswer(text: string, passages: Passage[]): LlmCheckResult {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ok: false, reason: 'empty' };
  if (trimmed.length > MAX_ANSWER_CHARS) return { ok: false, reason: 'too_long' };
  if (looksLikeGarbage(trimmed)) return { ok: false, reason: 'garbage' };
  const byNumber = new Map(passages.map((passage) => [passage.n, passage]));
  const sentences: CheckedSentence[] = [];
  const lines = trimmed.split(/\n+/).map((line) => line.replace(BULLET, '').trim());
  for (const [line, lineText] of lines.entries()) {
    for (const sentence of splitCitedSentences(lineText)) {
      if (!TRAILING_MARKERS.test(sentence)) return { ok: false, reason: 'uncited_sentence' };
      const refs = [...new Set([...sentence.matchAll(MARKER)].flatMap((match) => match[1].split(/[,;]/).map((part) => Number(part.trim()))))];
      if (refs.some((n) => !byNumber.has(n))) return { ok: false, reason: 'unknown_passage' };
      const body = stripMarkers(sentence);
      const cited = refs.map((n) => byNumber.get(n)!.text).join('\n');
      const failure = faithfulnessFailure(body, cited);
      if (failure) return { ok: false, reason: failure };
      sentences.push({ text: body, refs, line });
    }
  }
  if (sentences.length === 0) return { ok: false, reason: 'empty' };
  return { ok: true, sentences };
}

/** Sentences of one line; "text. [1]" is read as "text [1]." so the marker stays with its sentence. */
function splitCitedSentences(line: string): string[] {
  if (line.length === 0) return [];
  const normalised = line.replace(/([.!?])((?:\s*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\])+)/g, '$2$1');
  // A marker followed by a capital starts a new sentence even without a full stop: "... [1] The court ...".
  return splitSentences(normalised).flatMap((piece) => piece.split(/(?<=\])\s+(?=["'(]?[A-Z])/));
}

/** The sentence as a person reads it: markers removed, its closing punctuation kept. */
function stripMarkers(sentence: string): string {
  const body = sentence.replace(MARKER, ' ').replace(/\s+([.,;:!?])/g, '$1').replace(/\s+/g, ' ').trim();
  return /[.!?:]["')]?$/.test(body) ? body : `${body}.`;
}

/** Markup, JSON, control characters or mostly non-letters: not an answer someone can read. */
function looksLikeGarbage(text: string): boolean {
  if (/<\/?[a-z!][^>]*>/i.test(text) || /```/.test(text) || (/^[[{]/.test(text) && !/^\[\d+\]/.test(text))) return true;
  if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text)) return true;
  const visible = text.replace(/\s+/g, '');
  const letters = visible.match(/\p{L}/gu)?.length ?? 0;
  return letters / visible.length < 0.5;
}
