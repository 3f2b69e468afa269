import type { Section } from '../../ingest/types.js';
import type { SearchIndex } from '../retrieve/search-index.js';
import type { Candidate } from './types.js';

interface BoostOptions {
  candidateFor: (section: Section) => Candidate;
  bonus: number;
  docId?: string;
}

/** Where a section's numbers are looked for: its id, locator, citations and text, lower-cased once per section. */
const referenceTexts = new WeakMap<Section, string>();
function referenceText(section: Section): string {
  let text = referenceTexts.get(section);
  if (text === undefined) referenceTexts.set(section, (text = `${section.id} ${section.locator} ${section.cites.join(' ')} ${section.text}`.toLowerCase()));
  return text;
}

/** How often `needle` occurs in `text` without overlapping, counting no further than `most`. */
function occurrences(text: string, needle: string, most: number): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1 && count < most; at = text.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

/** A statute, paragraph or form number typed by the person lifts the sections that carry it. */
export function boostReferences(index: SearchIndex, references: string[], options: BoostOptions): void {
  if (references.length === 0) return;
  const bases = references.map((reference) => reference.replace(/\(.*$/, '').replace(/\.$/, ''));
  for (const section of index.sections) {
    if (options.docId && section.docId !== options.docId) continue;
    const haystack = referenceText(section);
    // Count occurrences (up to three each): the section that keeps citing the number is the one about it.
    const matched = references.reduce((sum, reference, position) => {
      const needle = haystack.includes(reference) ? reference : bases[position];
      return sum + occurrences(haystack, needle, 3);
    }, 0);
    if (matched === 0) continue;
    // The paragraph whose own number was typed is the one asked about.
    const own = references.some((reference, position) => section.id.toLowerCase().endsWith(`:${reference}`) || section.id.toLowerCase().endsWith(`:${bases[position]}`));
    const candidate = options.candidateFor(section);
    candidate.score += options.bonus * (own ? matched + 2 : matched);
    candidate.referenced = true;
    if (candidate.units.length === 0) addOpeningUnits(index, candidate);
  }
}

/** "What is a DAVA?" lifts the glossary entry for DAVA (and, for an acronym, the acronym table). */
export function boostDefinitions(index: SearchIndex, term: string | undefined, options: BoostOptions): void {
  if (!term) return;
  const acronym = index.acronymTerms.has(term.replace(/s$/, '')) || index.acronymTerms.has(term);
  for (const section of index.sections) {
    if (options.docId && section.docId !== options.docId) continue;
    if (section.kind === 'acronyms' && acronym) {
      mark(index, options, section, term, 0.7);
      continue;
    }
    if (section.kind !== 'definition') continue;
    const title = section.title.toLowerCase();
    const [name] = title.split(' (');
    const meaning = title.match(/\(([^)]*)\)/)?.[1] ?? '';
    if (name !== term && meaning !== term && name !== term.replace(/s$/, '')) continue;
    // A definition that only points elsewhere ("Defined in DoDI 6400.01.") ranks below the acronym table.
    mark(index, options, section, term, /^Defined in\b/.test(section.text) ? 0.5 : 1);
  }
}

function mark(index: SearchIndex, options: BoostOptions, section: Section, term: string, share: number): void {
  const candidate = options.candidateFor(section);
  candidate.score += options.bonus * share;
  candidate.definitionOf = term;
  if (candidate.units.length === 0) addOpeningUnits(index, candidate);
}

/** A section found only by its number or title still needs units to quote: its opening ones. */
function addOpeningUnits(index: SearchIndex, candidate: Candidate): void {
  for (const chunkIndex of (index.chunkIndexesBySection.get(candidate.section.id) ?? []).slice(0, 3)) {
    candidate.units.push({ chunkIndex, unit: index.chunks[chunkIndex], score: 0, lexical: 0, similarity: 0 });
  }
}

/**
 * The same answer appears under domestic violence and under stalking; keep one unless the query's
 * words favour the other's heading.
 */
export function collapseTwins(ranked: Candidate[], queryText: string, limit = Number.POSITIVE_INFINITY): Candidate[] {
  const words = new Set(queryText.toLowerCase().match(/[a-z]+/g) ?? []);
  const pathScore = (entry: Candidate) => entry.section.path.join(' ').toLowerCase().match(/[a-z]+/g)?.filter((word) => words.has(word) && word.length > 3).length ?? 0;
  const kept: Candidate[] = [];
  for (const entry of ranked) {
    const twinIndex = kept.findIndex((other) => other.section.duplicateOf === entry.section.id || entry.section.duplicateOf === other.section.id);
    if (twinIndex < 0) {
      // Past the limit only a twin of a kept section matters (it may take that section's place).
      if (kept.length < limit) kept.push(entry);
      continue;
    }
    const twin = kept[twinIndex];
    if (pathScore(entry) > pathScore(twin)) kept[twinIndex] = { ...entry, score: twin.score };
  }
  return kept;
}
