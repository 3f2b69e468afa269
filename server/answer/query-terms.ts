import type { SearchQuery } from '../retrieve/conversation-query.js';
import { expandQuery } from '../retrieve/query-expansion.js';
import type { SearchIndex } from '../retrieve/search-index.js';
import { contentTerms } from '../retrieve/terms.js';

/** A query term with its weight (own words 1, carried context and expansions less) and idf. */
export interface WeightedTerm {
  term: string;
  weight: number;
  idf: number;
  /** True when no section of the corpus contains the term (nor a near spelling of it). */
  unknown: boolean;
  /** True for the person's own words in the latest message. */
  own: boolean;
}

/** Weighted, idf-scored terms of a query, used to judge evidence and pick sentences. */
export function weightedTerms(search: SearchIndex, query: SearchQuery): WeightedTerm[] {
  const total = search.sections.length;
  const terms = new Map<string, WeightedTerm>();
  const everyday = thesaurusWords(search);
  const add = (text: string, weight: number, own: boolean) => {
    for (const term of contentTerms(text)) {
      const existing = terms.get(term);
      if (existing && existing.weight >= weight) continue;
      const frequency = documentFrequency(search, term);
      // A plain-language word the thesaurus maps onto the documents' terms ("base") is not unknown.
      terms.set(term, { term, weight, idf: Math.log(1 + total / Math.max(1, frequency)), unknown: frequency === 0 && !everyday.has(term), own });
    }
  };
  add(query.latest, 1, true);
  if (query.context) add(query.context, 0.5, false);
  add(expandQuery(`${query.context} ${query.latest}`, search.thesaurus).join(' '), 0.4, false);
  return [...terms.values()];
}

const thesaurusCache = new WeakMap<object, Set<string>>();

/** Stemmed words of every thesaurus phrase. */
function thesaurusWords(search: SearchIndex): Set<string> {
  let words = thesaurusCache.get(search.thesaurus);
  if (!words) {
    words = new Set(search.thesaurus.groups.flatMap((group) => group.flatMap((phrase) => contentTerms(phrase))));
    thesaurusCache.set(search.thesaurus, words);
  }
  return words;
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

/** Share of the query's idf weight that a text covers (own words count fully, the rest partly). */
export function coverage(terms: WeightedTerm[], textTerms: Set<string>): number {
  let covered = 0;
  let total = 0;
  for (const term of terms) {
    const mass = term.weight * term.idf;
    total += mass;
    if (textTerms.has(term.term)) covered += mass;
  }
  return total === 0 ? 0 : covered / total;
}
