import type { Source } from '../../ingest/corpus.js';
import type { Section } from '../../ingest/types.js';
import type { Citation } from '../contract.js';
import type { RetrievedSection } from '../retrieve/retrieve.js';
import { coverage, type WeightedTerm } from './query-terms.js';
import { leadInBefore, listAfter, sectionTitleTerms, sectionUnits, type Unit } from './units.js';

/** An answer made of quoted sentences, each ending with the number of the citation it rests on. */
export interface ComposedAnswer {
  answer: string;
  citations: Citation[];
  /** Sections quoted, in order of first use. */
  sectionIds: string[];
  /** How well the best sentence covers the question (0-1): the sentence-level evidence. */
  leadScore: number;
}

interface Scored {
  unit: Unit;
  units: Unit[];
  index: number;
  score: number;
  section: Section;
}

const MAX_UNITS = 5;
/** How much a Q&A section's opening sentences borrow from how well its question matches the person's. */
const TITLE_ANSWER_CREDIT = 0.8;
const ASKS_FOR_NUMBER = /\b(how many|how much|how soon|when|deadline|days?|hours?|max(imum)?|min(imum)?|within|number)\b/i;
const ASKS_FOR_DURATION = /\b(how long|duration|last|lasts|expire|expires|valid|max(imum)? (length|duration|time)|good for)\b/i;
const STATES_DURATION = /\b(\d+|one|two|three|five|ten|fifteen|thirty|180)\s+(calendar\s+)?(days?|weeks?|months?|years?|hours?)\b/i;

/** Picks the sentences that answer the question from the top sections and cites each one. */
export function composeAnswer(options: {
  question: string;
  terms: WeightedTerm[];
  retrieved: RetrievedSection[];
  sourceById: Map<string, Source>;
  maxSections?: number;
}): ComposedAnswer | undefined {
  const { terms, retrieved } = options;
  // "What is X?" is answered by X's glossary entry alone, not by every passage that mentions X.
  // The acronym table only spells out abbreviations, so it is quoted for nothing else.
  const sections = retrieved[0]?.definitionOf
    ? retrieved.slice(0, 2).filter((entry) => entry.definitionOf)
    : retrieved.filter((entry) => entry.section.kind !== 'acronyms').slice(0, options.maxSections ?? 4);
  const wantsNumber = ASKS_FOR_NUMBER.test(options.question);
  const wantsDuration = ASKS_FOR_DURATION.test(options.question);
  const candidates: Scored[] = [];
  sections.forEach((entry, rank) => {
    // Rank matters, but the sentence that answers best should win even from the second or third section.
    const prior = [1, 0.9, 0.8, 0.7][rank] ?? 0.6;
    const units = sectionUnits(entry.section);
    // A question-titled section (WomensLaw) answers its own question in its opening paragraph, in whatever words.
    const answersTitle = entry.section.kind === 'question' ? TITLE_ANSWER_CREDIT * coverage(terms, sectionTitleTerms(entry.section)) : 0;
    units.forEach((unit, index) => {
      // A list item counts mostly for its own words; its lead-in's words help it a little.
      // Words of the sentence count fully; words of its paragraph and section title count half.
      const own = 0.75 * coverage(terms, unit.terms) + 0.25 * coverage(terms, new Set([...unit.terms, ...unit.contextTerms]));
      let score = Math.max(unit.depth > 0 ? Math.max(own, 0.7 * coverage(terms, contextTerms(units, index))) : own, unit.opening ? answersTitle : 0) * prior;
      // A number or a duration tips the balance between sentences that already answer, nothing more.
      if (wantsNumber && score >= 0.2 && /\d|\b(one|two|three|ten|fifteen|thirty)\b/i.test(unit.text)) score += 0.04;
      if (wantsDuration && score >= 0.2 && STATES_DURATION.test(unit.text)) score += 0.06;
      if (unit.text.length < 25) score *= 0.6;
      candidates.push({ unit, units, index, score, section: entry.section });
    });
  });
  const definition = retrieved[0]?.definitionOf;
  if (definition) {
    // The glossary entry answers "what is X?" in full: its first sentence leads; in the acronym table, X's own line.
    for (const candidate of candidates) {
      const text = candidate.unit.text.toLowerCase();
      const isEntry = candidate.section.kind === 'acronyms' ? text.startsWith(`${definition}:`) || text.startsWith(`${definition.replace(/s$/, '')}:`) : candidate.index === 0;
      // A definition that only points to another instruction ("Defined in DoDI 6400.01.") follows the spelled-out name.
      const pointer = /^Defined in\b/.test(candidate.unit.text);
      candidate.score = isEntry ? (pointer ? 0.9 : 1) : candidate.section.kind === 'acronyms' ? 0 : candidate.score;
    }
  }
  candidates.sort((left, right) => right.score - left.score);
  const lead = candidates[0];
  if (!lead || lead.score <= 0) return undefined;
  const floor = Math.max(0.12, lead.score * 0.55);
  // Another section has to earn its place more clearly than another sentence of the lead section.
  const otherSectionFloor = Math.max(0.15, lead.score * 0.75);
  const chosen: Scored[] = [lead];
  for (const candidate of candidates.slice(1)) {
    if (chosen.length >= MAX_UNITS || candidate.score < floor) break;
    if (candidate.section.id !== lead.section.id && candidate.score < otherSectionFloor) continue;
    if (chosen.some((other) => other.unit.text === candidate.unit.text)) continue;
    chosen.push(candidate);
  }
  return { ...render(chosen, options.sourceById), leadScore: lead.score };
}

/** A list item is judged together with its lead-in, so "can:" + "order child support" both count. */
function contextTerms(units: Unit[], index: number): Set<string> {
  const lead = leadInBefore(units, index);
  return lead === undefined ? units[index].terms : new Set([...units[index].terms, ...units[lead].terms]);
}

/** Expands each chosen unit with its lead-in or list, groups by section and numbers the citations. */
function render(chosen: Scored[], sourceById: Map<string, Source>): Omit<ComposedAnswer, 'leadScore'> {
  const bySection = new Map<string, { section: Section; units: Unit[]; picked: Set<number> }>();
  for (const choice of chosen) {
    const group = bySection.get(choice.section.id) ?? { section: choice.section, units: choice.units, picked: new Set<number>() };
    group.picked.add(choice.index);
    // The whole chain of lead-ins, so a nested item keeps the sentence that says what the list is.
    for (let lead = leadInBefore(choice.units, choice.index); lead !== undefined; lead = leadInBefore(choice.units, lead)) group.picked.add(lead);
    if (choice.unit.leadIn) for (const item of listAfter(choice.units, choice.index)) group.picked.add(item.position);
    bySection.set(choice.section.id, group);
  }
  const citations: Citation[] = [];
  const citationKey = new Map<string, Citation>();
  const lines: string[] = [];
  const leadSectionId = chosen[0].section.id;
  const ordered = [...bySection.values()].sort((left, right) => Number(right.section.id === leadSectionId) - Number(left.section.id === leadSectionId));
  for (const group of ordered) {
    const source = sourceById.get(group.section.docId);
    let first = true;
    for (const cluster of clusters(group.units, group.picked, group.section.id === leadSectionId ? chosen[0].index : undefined)) {
      const head = group.units[cluster[0]];
      const leadLocator = head.leadIn ? head.locator : undefined;
      for (const index of cluster) {
        const unit = group.units[index];
        // Items of a list share the citation of the sentence that introduces them.
        const locator = unit.depth > head.depth && leadLocator ? leadLocator : unit.locator;
        const key = `${group.section.id}|${locator}`;
        let citation = citationKey.get(key);
        if (!citation) {
          citation = {
            n: citations.length + 1,
            docId: group.section.docId,
            docTitle: source?.title ?? group.section.docId,
            sectionId: group.section.id,
            sectionPath: group.section.path,
            locator: formatLocator(group.section, locator, source),
            quote: unit.text,
            url: source?.url ?? '',
            asOf: source?.asOf ?? null,
            asOfNote: source?.asOfNote ?? '',
          };
          citationKey.set(key, citation);
          citations.push(citation);
        } else if (!citation.quote.includes(unit.text)) {
          citation.quote += ` ... ${unit.text}`;
        }
        const prefix = first && group.section.docId === 'dodi' ? `${dodiPreamble(group.section)} ` : '';
        // Bullets show nesting under the cluster's own head; a list item quoted without its lead-in reads as a sentence.
        const depth = unit.depth - head.depth;
        const bullet = depth > 0 ? `${'  '.repeat(depth - 1)}• ` : '';
        lines.push(`${bullet}${prefix}${unit.text.replace(/\s*$/, '')} [${citation.n}]`);
        first = false;
      }
    }
  }
  return { answer: lines.join('\n'), citations, sectionIds: ordered.map((group) => group.section.id) };
}

/**
 * Groups picked units into clusters (a lead-in with its list items, or one sentence), in document
 * order, except that the cluster holding the best unit comes first.
 */
function clusters(units: Unit[], picked: Set<number>, best: number | undefined): number[][] {
  const result: number[][] = [];
  for (const index of [...picked].sort((left, right) => left - right)) {
    const last = result[result.length - 1];
    // Still inside the list the cluster's head introduces: nothing between returns to its depth.
    const continuesList =
      last !== undefined &&
      units[index].depth > units[last[0]].depth &&
      units.slice(last[last.length - 1] + 1, index).every((between) => between.depth > units[last[0]].depth);
    if (continuesList) last.push(index);
    else result.push([index]);
  }
  const bestCluster = result.findIndex((cluster) => best !== undefined && cluster.includes(best));
  if (bestCluster > 0) result.unshift(...result.splice(bestCluster, 1));
  return result;
}

/** "Under DoDI 6400.06 (Commanders, MPO):" so an instruction's imperative reads with its subject. */
function dodiPreamble(section: Section): string {
  const parts = section.path.slice(1, 3).map((part) => part.replace(/^(\d+\.\d+\.|[a-z]\.|G\.\d\.)\s*/, '').replace(/\.$/, ''));
  return `Under DoDI 6400.06 (${parts.filter(Boolean).join(', ')}):`;
}

/** Prefixes the document's short name so a locator stands alone: "DoDI 6400.06, para. 3.5.d.(3)(g), p. 41". */
export function formatLocator(section: Section, locator: string, source: Source | undefined): string {
  const name = source?.shortTitle ?? section.docId;
  if (section.docId === 'dodi') return `${name}, ${locator}`;
  if (locator === section.title) return `${name}: "${section.title}"`;
  return `${name}: "${section.title}" (${locator})`;
}
