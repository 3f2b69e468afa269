import { referenceBase, STOPWORDS, stem, tokenize } from './terms.js';
import { topOfScores } from './top-k.js';

/** A ranked item (a passage or an example question) from one retriever, by its position in its list. */
export interface ChunkHit {
  chunkIndex: number;
  score: number;
}

/** What the lexical index reads of each item: its text, a title and references (boosted), its document. */
export interface LexicalItem {
  text: string;
  title: string;
  refs: string;
  docId: string;
}

/** BM25 search over passages or example questions, with titles and statute references boosted. */
export interface LexicalIndex {
  search(query: string, options?: { prefix?: boolean; fuzzy?: boolean; docId?: string; limit?: number }): ChunkHit[];
  /** Every stemmed term the index holds: a query word outside it is one the index never uses. */
  vocabulary: Set<string>;
}

const FIELDS = ['text', 'title', 'refs'] as const;

/**
 * The scoring (the same as MiniSearch's, which this replaced for speed; lexical-index.test.ts holds the two
 * equal): BM25+ per field with k 1.2, b 0.7, d 0.5, a field's length counted in distinct tokens; fields
 * weighted by their boost; a prefix match weighs PREFIX_WEIGHT and a misspelling FUZZY_WEIGHT, both less
 * the further the indexed word is from the typed one; and the sum is multiplied by how many distinct query
 * words matched, so an item that meets more of the question outranks one that repeats a single word.
 */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const MAX_REMEMBERED_MISSPELLINGS = 10_000;

function processTerm(term: string): string | null {
  if (STOPWORDS.has(term)) return null;
  if (/\d/.test(term)) return referenceBase(term);
  return term.length > 1 ? stem(term) : null;
}

/** Typo tolerance for a query word: only one the index never uses can be a misspelling; longer words allow more. */
function maxEdits(term: string): number {
  if (term.length >= 6) return Math.min(6, Math.round(term.length * 0.2));
  return term.length >= 4 ? 1 : 0;
}

/** Levenshtein distance, or Infinity once it must exceed `limit`. */
function editDistance(left: string, right: string, limit: number): number {
  if (Math.abs(left.length - right.length) > limit) return Infinity;
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= right.length; j++) {
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (left[i - 1] === right[j - 1] ? 0 : 1));
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return Infinity;
    previous = current;
  }
  return previous[right.length] <= limit ? previous[right.length] : Infinity;
}

/** How often each character occurs in a word (letters, digits, the rest in one slot). */
function countLetters(word: string): Uint16Array {
  const counts = new Uint16Array(37);
  for (let at = 0; at < word.length; at++) {
    const code = word.charCodeAt(at);
    const slot = code >= 97 && code <= 122 ? code - 97 : code >= 48 && code <= 57 ? code - 22 : 36;
    counts[slot] += 1;
  }
  return counts;
}

/** How many characters two words have in common, counted with repetition. */
function sharedLetters(left: Uint16Array, right: Uint16Array): number {
  let shared = 0;
  for (let slot = 0; slot < 37; slot++) shared += Math.min(left[slot], right[slot]);
  return shared;
}

/** One indexed word's postings in one field: the items holding it and each item's weighted BM25 score. */
interface Postings {
  items: Int32Array;
  scores: Float64Array;
}

/**
 * Builds a lexical index once at load time; items are identified by their position. Every word's score in
 * every item is fixed once the index is built, so it is computed here and a search only adds them up.
 */
export function createLexicalIndex(options: { items: LexicalItem[]; boost?: { title: number; refs: number } }): LexicalIndex {
  const boost = options.boost ?? { title: 0.3, refs: 1 };
  const fieldBoost = { text: 1, title: boost.title || 1, refs: boost.refs || 1 };
  const count = options.items.length;
  // term -> per field: item -> frequency, in the order items were added.
  const frequencies = new Map<string, Array<Map<number, number>>>();
  const lengths = FIELDS.map(() => new Float64Array(count));
  const totals = FIELDS.map(() => 0);
  options.items.forEach((item, position) => {
    FIELDS.forEach((field, fieldId) => {
      const tokens = tokenize(item[field]);
      lengths[fieldId][position] = new Set(tokens).size;
      totals[fieldId] += lengths[fieldId][position];
      for (const token of tokens) {
        const term = processTerm(token);
        if (!term) continue;
        let perField = frequencies.get(term);
        if (!perField) frequencies.set(term, (perField = FIELDS.map(() => new Map<number, number>())));
        perField[fieldId].set(position, (perField[fieldId].get(position) ?? 0) + 1);
      }
    });
  });
  const averages = totals.map((total) => (count > 0 ? total / count : 0));
  const postings = new Map<string, Postings[]>();
  for (const [term, perField] of frequencies) {
    postings.set(
      term,
      perField.map((items, fieldId) => {
        const inverse = Math.log(1 + (count - items.size + 0.5) / (items.size + 0.5));
        const positions = Int32Array.from(items.keys());
        const scores = Float64Array.from(positions, (position) => {
          const frequency = items.get(position)!;
          const norm = 1 - BM25.b + (BM25.b * lengths[fieldId][position]) / Math.max(averages[fieldId], 1e-9);
          return fieldBoost[FIELDS[fieldId]] * inverse * (BM25.d + (frequency * (BM25.k + 1)) / (frequency + BM25.k * norm));
        });
        return { items: positions, scores };
      }),
    );
  }
  const vocabulary = new Set(postings.keys());
  const sortedTerms = [...vocabulary].sort();
  const docOf = options.items.map((item) => item.docId);

  /** Indexed words starting with `term` (other than itself), for as-you-type lookups. */
  const withPrefix = (term: string): string[] => {
    let low = 0;
    let high = sortedTerms.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sortedTerms[middle] < term) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let at = low; at < sortedTerms.length && sortedTerms[at].startsWith(term); at++) if (sortedTerms[at] !== term) found.push(sortedTerms[at]);
    return found;
  };

  // The indexed words a word may be a misspelling of, with their weights; remembered, since a scan of the
  // vocabulary is the slowest part of a search and people repeat their words. Bounded against floods of nonsense.
  const misspellings = new Map<string, Array<[string, number]>>();
  const letterCounts = sortedTerms.map(countLetters);
  // The vocabulary's positions by word length, each list in sorted order: a misspelling is at most `edits` longer
  // or shorter, so a scan visits only those lengths (the first time a new word is seen, a good part of a search).
  const positionsByLength: number[][] = [];
  sortedTerms.forEach((word, position) => (positionsByLength[word.length] ??= []).push(position));
  const misspellingsOf = (term: string): Array<[string, number]> => {
    let found = misspellings.get(term);
    if (found) return found;
    found = [];
    const edits = maxEdits(term);
    if (edits > 0) {
      const counts = countLetters(term);
      const near: number[] = [];
      for (let length = Math.max(1, term.length - edits); length <= term.length + edits; length++) {
        for (const at of positionsByLength[length] ?? []) {
          // Every letter an alignment does not match costs an edit: a cheap bound that skips most words unseen.
          if (Math.max(sortedTerms[at].length, term.length) - sharedLetters(counts, letterCounts[at]) <= edits && sortedTerms[at] !== term) near.push(at);
        }
      }
      // In vocabulary order, as one pass over the sorted words found them, so scores add up in the same order.
      near.sort((left, right) => left - right);
      for (const at of near) {
        const candidate = sortedTerms[at];
        const distance = editDistance(term, candidate, edits);
        if (distance !== Infinity) found.push([candidate, (FUZZY_WEIGHT * candidate.length) / (candidate.length + distance)]);
      }
    }
    if (misspellings.size >= MAX_REMEMBERED_MISSPELLINGS) misspellings.clear();
    misspellings.set(term, found);
    return found;
  };

  // Per-item scratch arrays kept between searches (a search runs to the end synchronously, so none overlap): each
  // search resets only the items it touched, so it costs its postings, not the size of the index.
  const scores = new Float64Array(count);
  const matched = new Int32Array(count);
  const lastTerm = new Int32Array(count).fill(-1);
  // Written for the touched items before each read, so it needs no reset.
  const ranked = new Float64Array(count);
  return {
    vocabulary,
    search(query, searchOptions = {}) {
      const terms: string[] = [];
      for (const token of tokenize(query)) {
        const term = processTerm(token);
        if (term) terms.push(term);
      }
      // A word typed twice counts twice in the score, once in how many words matched.
      const multiplicity = new Map<string, number>();
      for (const term of terms) multiplicity.set(term, (multiplicity.get(term) ?? 0) + 1);
      // The items this search touched, in the order first touched (the order equal scores keep).
      const order: number[] = [];
      let termId = 0;
      try {
        for (const [term, times] of multiplicity) {
          // Each form of the word with its weight: the word itself, longer words it begins (as-you-type), misspellings.
          const forms: Array<[string, number]> = [[term, 1]];
          const prefixed = searchOptions.prefix && term.length >= 3 ? withPrefix(term) : [];
          for (const longer of prefixed) forms.push([longer, (PREFIX_WEIGHT * longer.length) / (longer.length + 0.3 * (longer.length - term.length))]);
          if (searchOptions.fuzzy !== false && !vocabulary.has(term)) {
            const skip = new Set(prefixed);
            for (const misspelt of misspellingsOf(term)) if (!skip.has(misspelt[0])) forms.push(misspelt);
          }
          for (const [form, weight] of forms) {
            const perField = postings.get(form);
            if (!perField) continue;
            for (const { items, scores: itemScores } of perField) {
              for (let at = 0; at < items.length; at++) {
                const item = items[at];
                if (lastTerm[item] === -1) order.push(item);
                scores[item] += times * weight * itemScores[at];
                if (lastTerm[item] !== termId) {
                  lastTerm[item] = termId;
                  matched[item] += 1;
                }
              }
            }
          }
          termId += 1;
        }
        // Each touched item's final score, by its place in `order`, so equal scores keep the order they were met in.
        for (let at = 0; at < order.length; at++) ranked[at] = scores[order[at]] * matched[order[at]];
        const docId = searchOptions.docId;
        const hits = topOfScores(ranked, searchOptions.limit ?? 50, docId ? (at) => docOf[order[at]] === docId : undefined, order.length);
        for (const hit of hits) hit.chunkIndex = order[hit.chunkIndex];
        return hits;
      } finally {
        for (const item of order) {
          scores[item] = 0;
          matched[item] = 0;
          lastTerm[item] = -1;
        }
      }
    },
  };
}
