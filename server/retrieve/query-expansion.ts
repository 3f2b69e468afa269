import type { Acronym } from '../../ingest/types.js';
import { contentTerms, tokenize } from './terms.js';

/** Phrase groups that mean the same to the people asking: the build's synonyms.json and its acronyms. */
export interface Thesaurus {
  groups: string[][];
}

/** The thesaurus of one build: its synonym groups, lower-cased, and its acronyms with their meanings. */
export function createThesaurus(synonymGroups: string[][], acronyms: Acronym[]): Thesaurus {
  const groups = synonymGroups.map((group) => group.map((phrase) => phrase.toLowerCase()));
  // The DoD glossary's acronym table: "FAP" <-> "Family Advocacy Program", and so on.
  for (const { acronym, meaning } of acronyms) {
    const cleanMeaning = meaning.replace(/\([^)]*\)/g, '').trim().toLowerCase();
    if (cleanMeaning.length > 0 && acronym.length >= 2) groups.push([acronym.toLowerCase().replace(/\.$/, ''), cleanMeaning]);
  }
  return { groups };
}

/**
 * Phrases to search for besides the query's own words: for every phrase of a group found in the
 * query (longest first, so "ex parte" is not read as "ex"), the other phrases of its group.
 */
export function expandQuery(query: string, thesaurus: Thesaurus): string[] {
  return [...new Set(expandQueryGroups(query, thesaurus).flatMap((match) => match.alternatives))];
}

/** A phrase found in the query and the other phrases of its group. */
export interface ExpansionMatch {
  phrase: string;
  alternatives: string[];
}

interface Phrase {
  phrase: string;
  words: string[];
  groupIndex: number;
  /** Position in the longest-first order of all phrases. */
  rank: number;
}

const phraseIndexes = new WeakMap<Thesaurus, Map<string, Phrase[]>>();

/** The thesaurus phrases by their first word, longest first; built once per thesaurus, not per query. */
function phrasesByFirstWord(thesaurus: Thesaurus): Map<string, Phrase[]> {
  let byFirstWord = phraseIndexes.get(thesaurus);
  if (!byFirstWord) {
    byFirstWord = new Map();
    thesaurus.groups
      .flatMap((group, groupIndex) => group.map((phrase) => ({ phrase, words: phrase.split(/\s+/), groupIndex, rank: 0 })))
      .sort((left, right) => right.words.length - left.words.length)
      .forEach((entry, rank) => {
        entry.rank = rank;
        const list = byFirstWord!.get(entry.words[0]) ?? [];
        list.push(entry);
        byFirstWord!.set(entry.words[0], list);
      });
    phraseIndexes.set(thesaurus, byFirstWord);
  }
  return byFirstWord;
}

/** Like expandQuery, but keeps which phrase of the query each group of alternatives stands for. */
export function expandQueryGroups(query: string, thesaurus: Thesaurus): ExpansionMatch[] {
  const tokens = tokenize(query);
  const used = new Array<boolean>(tokens.length).fill(false);
  const matches: ExpansionMatch[] = [];
  const byFirstWord = phrasesByFirstWord(thesaurus);
  // Only phrases that start with a word of the query can match; they are tried longest first, as before.
  const phrases = [...new Set(tokens)].flatMap((token) => byFirstWord.get(token) ?? []).sort((left, right) => left.rank - right.rank);
  for (const { phrase, words, groupIndex } of phrases) {
    for (let start = 0; start + words.length <= tokens.length; start++) {
      const found = words.every((word, offset) => tokens[start + offset] === word && !used[start + offset]);
      if (!found) continue;
      for (let offset = 0; offset < words.length; offset++) used[start + offset] = true;
      matches.push({ phrase, alternatives: thesaurus.groups[groupIndex].filter((other) => other !== phrase) });
    }
  }
  return matches;
}

/**
 * Stand-ins for the query's words the documents never use ("alimony" -> "maintenance", "bf" -> "dating"):
 * such a word can match nothing, so the corpus's own phrases for it are searched with the full weight of the
 * question rather than as a side expansion.
 */
export function standInPhrases(query: string, thesaurus: Thesaurus, isKnown: (term: string) => boolean): string[] {
  const standIns = new Set<string>();
  for (const match of expandQueryGroups(query, thesaurus)) {
    const own = contentTerms(match.phrase);
    if (own.length === 0 || own.some(isKnown)) continue;
    for (const alternative of match.alternatives) {
      const words = contentTerms(alternative);
      if (words.length > 0 && words.every(isKnown)) standIns.add(alternative);
    }
  }
  return [...standIns];
}
