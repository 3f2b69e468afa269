import type { Source } from '../../ingest/corpus.js';
import type { Section } from '../../ingest/types.js';
import type { RetrievedSection } from '../retrieve/retrieve.js';
import { formatLocator } from './compose.js';
import type { Passage } from './llm-types.js';
import { leadInBefore, sectionUnits, type Unit } from './units.js';

const MAX_SECTIONS = 3;
export const MAX_PASSAGES = 12;
/** A section this small is shown whole: picking among four sentences saves little and loses context. */
const SMALL_SECTION_UNITS = 4;
const RANK_PRIOR = [1, 0.8, 0.65];

interface Candidate {
  section: Section;
  rank: number;
  unit: Unit;
  score: number;
}

/** The passages the model may cite, and the section each came from (for building citations). */
export interface PassageSelection {
  passages: Passage[];
  sectionByNumber: Map<number, Section>;
}

/**
 * Numbers the quotable units of the top retrieved sections (plus any section the extractive answer
 * quoted, such as the current rule beside a dated one), best first by shared words with the question:
 * what the extractive answer quoted, then small sections whole and the best units of larger ones.
 */
export function selectPassages(options: {
  retrieved: RetrievedSection[];
  extraSections: Section[];
  quotes: string[];
  questionTerms: Set<string>;
  sourceById: Map<string, Source>;
}): PassageSelection {
  const sections = options.retrieved.slice(0, MAX_SECTIONS).map((entry) => entry.section);
  for (const extra of options.extraSections) if (!sections.some((section) => section.id === extra.id)) sections.push(extra);
  // Extractive quotes join the units of one citation with " ... ".
  const quoted = new Set(options.quotes.flatMap((quote) => quote.split(' ... ')));
  const candidates: Candidate[] = [];
  sections.forEach((section, rank) => {
    const units = sectionUnits(section);
    const scores = units.map((unit) => relevance(unit, options.questionTerms) * (RANK_PRIOR[rank] ?? 0.5));
    const best = Math.max(0, ...scores);
    units.forEach((unit, index) => {
      // What the extractive answer quoted goes first; a small section reads best whole, so its units share its best score.
      const score = quoted.has(unit.text) ? Number.POSITIVE_INFINITY : units.length <= SMALL_SECTION_UNITS ? best : scores[index];
      candidates.push({ section, rank, unit, score });
      // A list item reads as nonsense without the sentence that introduces it.
      const lead = leadInBefore(units, index);
      if (lead !== undefined) candidates.push({ section, rank, unit: units[lead], score });
    });
  });
  const chosen = new Map<Unit, Candidate>();
  const byScore = candidates.sort((left, right) => right.score - left.score || left.rank - right.rank || left.unit.position - right.unit.position);
  for (const candidate of byScore) {
    if (chosen.size >= MAX_PASSAGES) break;
    if (!chosen.has(candidate.unit)) chosen.set(candidate.unit, candidate);
  }
  // Reading order (section rank, then position) lets the model see each section as written.
  const ordered = [...chosen.values()].sort((left, right) => left.rank - right.rank || left.unit.position - right.unit.position);
  const sectionByNumber = new Map<number, Section>();
  const passages = ordered.map((candidate, index): Passage => {
    sectionByNumber.set(index + 1, candidate.section);
    return {
      n: index + 1,
      sectionId: candidate.section.id,
      docId: candidate.section.docId,
      locator: formatLocator(candidate.section, candidate.unit.locator, options.sourceById.get(candidate.section.docId)),
      unitLocator: candidate.unit.locator,
      text: candidate.unit.text,
    };
  });
  return { passages, sectionByNumber };
}

/** Share of the question's words in the unit, with its paragraph and section title counting a quarter. */
function relevance(unit: Unit, questionTerms: Set<string>): number {
  if (questionTerms.size === 0) return 0;
  let own = 0;
  let context = 0;
  for (const term of questionTerms) {
    if (unit.terms.has(term)) own++;
    else if (unit.contextTerms.has(term)) context++;
  }
  return (0.75 * own + 0.25 * (own + context)) / questionTerms.size;
}
