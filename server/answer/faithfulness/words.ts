import { stem, STOPWORDS } from '../../retrieve/terms.js';
import { ANTONYM_BASES, ANTONYM_PREFIXES, CONDITION_PHRASES, CONNECTIVES, CUE_PHRASES, ONLY_WORDS } from './lexicon.js';
import type { Frame } from './types.js';

export const BOUNDARY = /^[,;:()!?.\u2013\u2014-]$/;

/** Lower-cased words with contractions opened ("can't" -> "can not") and clause punctuation kept as tokens. */
export function words(text: string): string[] {
  const normal = text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\bex[\s-]+parte\b/g, 'exparte')
    .replace(/\bcannot\b/g, 'can not')
    .replace(/\bwon't\b/g, 'will not')
    .replace(/\b(ca|sha)n't\b/g, (_, head: string) => (head === 'ca' ? 'can not' : 'shall not'))
    .replace(/\b([a-z]+)n't\b/g, '$1 not')
    .replace(/(\d),(\d{3})\b/g, '$1$2')
    .replace(/([a-z])-(?=[a-z])/g, '$1 ')
    .replace(/%/g, ' percent');
  const tokens = normal.match(/\d+(?:\.\d+)*(?:\.?\([a-z0-9]+\))*(?:st|nd|rd|th)?|[a-z]+(?:'[a-z]+)?|[,;:()!?.\u2013\u2014]|\s-\s/g) ?? [];
  return tokens.map((token) => token.trim().replace(/'s?$/, ''));
}


/** Words that are cues, not content: "may", "without", "unless". */
const CUE_WORDS = new Set([...CUE_PHRASES.filter((entry) => entry.words.length === 1).map((entry) => entry.words[0]), ...CONDITION_PHRASES.map(([phrase]) => phrase).filter((phrase) => !phrase.includes(' ')), ...ONLY_WORDS]);

/** A word that says what a sentence is about: not a stopword, connective or cue. */
export function isContentWord(token: string): boolean {
  return token.length > 1 && /[a-z]/.test(token) && !STOPWORDS.has(token) && !CONNECTIVES.has(token) && !CUE_WORDS.has(token);
}

/** A word's stem, without the final "e" the stemmer keeps on some forms only ("file" and "files" meet). */
export function termOf(word: string): string {
  const stemmed = stem(word);
  return stemmed.length > 3 ? stemmed.replace(/e$/, '') : stemmed;
}


/** "protection" meets "protect", "transferred" meets "transfers"; numbers only meet themselves. */
export function sameTerm(left: string, right: string): boolean {
  if (left === right) return true;
  if (left.startsWith('#') || right.startsWith('#')) return false;
  const [short, long] = left.length <= right.length ? [left, right] : [right, left];
  return short.length >= 5 && long.length - short.length <= 4 && long.startsWith(short);
}

export const hasTerm = (terms: Iterable<string>, term: string) => [...terms].some((other) => sameTerm(other, term));

/** The frame without unset fields (a double negation unsets "neg"). */
export function clean(frame: Frame): Frame {
  return Object.fromEntries(Object.entries(frame).filter(([, value]) => value !== undefined));
}

/** "invalid" -> "valid", "unenforceable" -> "enforceable"; undefined for words that are not such opposites. */
export function antonymBase(word: string): string | undefined {
  for (const prefix of ANTONYM_PREFIXES) {
    if (word.startsWith(prefix) && ANTONYM_BASES.has(word.slice(prefix.length))) return word.slice(prefix.length);
  }
  return undefined;
}
