import { MULTIPLIERS, NUMBER_WORDS, ORDINAL_WORDS, UNITS } from './lexicon.js';
import { isContentWord } from './words.js';

/** A number read from words or digits: "15", "fifteen" and "15th" compare by value; "455.040(1)" stays whole. */
export interface NumberToken {
  /** "15", "15th" for ordinals, "ref:455.040(1)" for statute and paragraph numbers. */
  key: string;
  unit?: string;
  /** Tokens it spans, unit excluded. */
  length: number;
}

const isBoundary = (token: string | undefined) => token === undefined || /^[,;:()!?.\u2013\u2014-]$/.test(token);

/** "days" -> "day" when the word is a unit a number counts. */
export function unitOf(token: string | undefined): string | undefined {
  if (!token) return undefined;
  const singular = token.replace(/s$/, '');
  return UNITS.has(singular) ? singular : undefined;
}

/** The unit right after a number, or after one word in between ("15 business days"). */
function unitAfter(tokens: string[], at: number): string | undefined {
  return unitOf(tokens[at]) ?? (isBoundary(tokens[at]) ? undefined : unitOf(tokens[at + 1]));
}

const isNumberWord = (token: string | undefined) => token !== undefined && (token in NUMBER_WORDS || token in MULTIPLIERS || /^\d/.test(token));

/** Reads a number starting at `at`, or undefined. "one" counts only when it counts something ("one year"). */
export function readNumber(tokens: string[], at: number): NumberToken | undefined {
  const token = tokens[at];
  // "455.040", "3.5.d" and "922(g)" are statute and paragraph numbers, kept whole; "1.5" is a number.
  const digits = token.match(/^(\d+(?:\.\d{1,2})?)(st|nd|rd|th)?$/);
  if (digits) return { key: digits[2] ? `${Number(digits[1])}th` : String(Number(digits[1])), unit: unitAfter(tokens, at + 1), length: 1 };
  if (/^\d/.test(token)) return { key: `ref:${token}`, length: 1 };
  if (token in ORDINAL_WORDS) return { key: `${ORDINAL_WORDS[token]}th`, length: 1 };
  // "within a year", "once a week": "a" counts one of a unit, unless it is a rate after another number.
  if ((token === 'a' || token === 'an') && /^(year|month|week|day)$/.test(tokens[at + 1] ?? '') && !isNumberWord(tokens[at - 1]) && !unitOf(tokens[at - 1])) {
    return { key: '1', unit: unitOf(tokens[at + 1]), length: 1 };
  }
  if (!(token in NUMBER_WORDS) && !(token in MULTIPLIERS)) return undefined;
  let total = 0;
  let current = 0;
  let length = 0;
  while (at + length < tokens.length) {
    const word = tokens[at + length];
    if (word in NUMBER_WORDS) current += NUMBER_WORDS[word];
    else if (word in MULTIPLIERS) {
      current = (current || 1) * MULTIPLIERS[word];
      if (MULTIPLIERS[word] >= 1000) {
        total += current;
        current = 0;
      }
    } else if (word === 'and' && tokens[at + length - 1] === 'hundred' && (tokens[at + length + 1] ?? '') in NUMBER_WORDS) {
      // "one hundred and eighty"
    } else break;
    length++;
  }
  const value = total + current;
  const unit = unitAfter(tokens, at + length);
  // "one parent" and "one or two" count; "one of them" and "the judge doesn't give you one" do not.
  if (token === 'one' && length === 1 && !unit && !isNumberWord(tokens[at + 2]) && !isContentWord(tokens[at + 1] ?? '')) return undefined;
  return { key: String(value), unit, length };
}
