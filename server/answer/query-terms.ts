import type { SearchQuery } from '../retrieve/conversation-query.js';
import { expandQueryGroups } from '../retrieve/query-expansion.js';
import type { SearchIndex } from '../retrieve/search-index.js';
import { contentTerms } from '../retrieve/terms.js';

/** A query term with its weight (own words 1, carried context less), idf, and synonym phrases. */
export interface WeightedTerm {
  term: string;
  weight: number;
  idf: number;
  /** True when no section of the corpus contains the term (nor a near spelling of it, nor a synonym). */
  unknown: boolean;
  /** True for the person's own words in the latest message. */
  own: boolean;
  /** Synonym phrases (as stemmed words) that stand for this term: a text matches if it has all words of one. */
  alternatives: string[][];
}

/** Weight of a word found nowhere in the documents (about that of a word in one section in ten). */
const UNKNOWN_IDF = 3.5;

/** Credit for meeting a term through a synonym rather than the word itself. */
const ALTERNATIVE_CREDIT = 0.8;

/** Weighted, idf-scored terms of a query, used to judge evidence and pick sentences. */
export function weightedTerms(search: SearchIndex, query: SearchQuery): WeightedTerm[] {
  const total = search.sections.length;
  const terms = new Map<string, WeightedTerm>();
  const add = (text: string, weight: number, own: boolean) => {
    const groups = expandQueryGroups(text, search.thesaurus).map((match) => ({
      words: new Set(contentTerms(match.phrase)),
      alternatives: match.alternatives.map((phrase) => contentTerms(phrase)).filter((words) => words.length > 0),
    }));
    for (const term of contentTerms(text)) {
      const existing = terms.get(term);
      if (existing && existing.weight >= weight) continue;
      const alternatives = groups.filter((group) => group.words.has(term)).flatMap((group) => group.alternatives);
      const frequency = documentFrequency(search, term);
      // A plain-language word is as specific as the most common document term it stands for ("base" -> "installation").
      const known = frequency > 0 ? frequency : Math.max(0, ...alternatives.map((words) => Math.min(...words.map((word) => documentFrequency(search, word)))));
      // A word the documents never use is usually everyday language or a typo, so it weighs like a common word.
      const idf = known === 0 ? UNKNOWN_IDF : Math.log(1 + total / known);
      terms.set(term, { term, weight, idf, unknown: known === 0, own, alternatives });
    }
  };
  add(query.latest, 1, true);
  if (query.context) add(query.context, 0.5, false);
  return [...terms.values()];
}

/** Section frequency of a term, allowing one typo on longer words so misspellings are not "unknown". */
function documentFrequency(search: SearchIndex, term: string): number {
  const exact = search.documentFrequency.get(term);
  if (exact !== undefined) return exact;
  if (term.length < 5 || /\d/.test(term)) return 0;
  let best = 0;
  for (const [candidate, frequency] of search.documentFrequency) {
    if (Math.abs(candidate.length - term.length) <= 1 && frequency > best && withinOneEdit(candidate, term)) best = frequency;
  }
  return best;
}

function withinOneEdit(left: string, right: string): boolean {
  if (left === right) return true;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < left.length && j < right.length) {
    if (left[i] === right[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (left.length > right.length) i++;
    else if (right.length > left.length) j++;
    else if (left[i + 1] === right[j] && left[i] === right[j + 1]) {
      // A swapped pair of letters counts as one slip.
      i += 2;
      j += 2;
    } else {
      i++;
      j++;
    }
  }
  return edits + (left.length - i) + (right.length - j) <= 1;
}

/** Share of the query's idf weight that a text covers; a synonym phrase earns most of a word's credit. */
export function coverage(terms: WeightedTerm[], textTerms: Set<string>): number {
  let covered = 0;
  let total = 0;
  for (const term of terms) {
    const mass = term.weight * term.idf;
    total += mass;
    if (textTerms.has(term.term)) covered += mass;
    else if (term.alternatives.some((words) => words.every((word) => textTerms.has(word)))) covered += mass * ALTERNATIVE_CREDIT;
  }
  return total === 0 ? 0 : covered / total;
}
