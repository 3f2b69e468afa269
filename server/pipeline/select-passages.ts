import type { Source } from '../../ingest/corpus.js';
import type { Chunk, Section } from '../../ingest/types.js';
import { repeatsOlderText } from '../answer/notices.js';
import { contentTerms } from '../retrieve/terms.js';
import type { SearchIndex } from '../retrieve/search-index.js';
import type { Params } from './params.js';
import type { Candidate, Passage, QueryPlan, ScoredUnit } from './types.js';

/**
 * A sentence that opens on a pronoun or a connective leans on the one before it ("However, ...",
 * "This ...", "They may ..."); quoted alone it misleads. A general property of English prose.
 */
const LEANS_ON_PREVIOUS = /^(?:however|but|this|these|that|those|they|them|it|its|such|also|otherwise|then|there|so|thus|therefore|instead|in (?:addition|that case|this case|such cases?)|if so|if not|if (?:this|that) happens|as a result|for (?:example|instance)|additionally|furthermore|moreover|although|even so|either way|in either case|the (?:same|above|following|latter|former))\b/i;
/**
 * A sentence of running text that names "this notification" or "these standards" points back at what the one
 * before it introduced, whatever it opens on. Not the documents naming themselves ("this instruction", "this
 * page"), nor "such as". List items are read with their own lead-in instead.
 */
const POINTS_BACK = /\b(?:this|these|those|such)\s+(?!(?:as|instruction|issuance|volume|enclosure|page|site|website|section|paragraph)\b)[a-z]/i;
const LIST_ITEMS = 10;
/** "For more information, see How do I ...?": a pointer to another answer, which says nothing by itself. */
const POINTS_ELSEWHERE = /^(?:for more (?:information|details)[^.]*?,\s*)?see\b/i;

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * Chooses what to quote: the lead unit of the best section (with the lead-in it completes, the list it
 * introduces, the sentence it leans on), more of that section while it scores close and words remain,
 * a second section only when it scores close too, and the current rule where a superseded source is quoted.
 */
export function selectPassages(options: { plan: QueryPlan; candidates: Candidate[]; index: SearchIndex; sourceById: Map<string, Source>; params: Params['compose'] }): Passage[] {
  const { candidates, index, params } = options;
  const lead = candidates[0];
  if (!lead || lead.units.length === 0) return [];
  const picked = new Map<string, { section: Section; positions: Set<number>; order: number[] }>();
  let words = 0;
  const take = (section: Section, unit: Chunk, required = false): boolean => {
    const group = picked.get(section.id) ?? { section, positions: new Set<number>(), order: [] };
    const members = withDependencies(index, unit);
    // A lead-in ("There are two types of orders:") is never quoted without what it leads into.
    if (!required && members[members.length - 1].leadIn) return false;
    const cluster = members.filter((member) => !group.positions.has(member.position));
    const added = cluster.reduce((sum, member) => sum + wordCount(member.text), 0);
    if (!required && words + added > params.maxWords) return false;
    for (const member of cluster) {
      group.positions.add(member.position);
      group.order.push(member.position);
    }
    words += added;
    picked.set(section.id, group);
    return true;
  };
  const leadUnits = definitionUnits(index, lead) ?? lead.units;
  const best = leadUnits[0];
  take(lead.section, best.unit, true);
  const leadSize = picked.get(lead.section.id)!.order.length;
  for (const other of leadUnits.slice(1)) {
    if (other.score < params.followRatio * best.score) break;
    if (!POINTS_ELSEWHERE.test(other.unit.text)) take(lead.section, other.unit);
  }
  const maxSections = options.plan.compares ? params.maxSections + 1 : params.maxSections;
  for (const candidate of candidates.slice(1)) {
    if (picked.size >= maxSections) break;
    if (lead.definitionOf) break;
    const top = candidate.units[0];
    if (!top || top.score < params.otherSectionRatio * best.score) continue;
    take(candidate.section, top.unit);
  }
  addCurrentRule({ ...options, picked: [...picked.values()], take });
  addOlderWording({ ...options, picked: [...picked.values()], take });
  const passages: Passage[] = [];
  const pickedIds = new Set(picked.keys());
  for (const group of picked.values()) {
    const units = orderUnits(index, group.section.id, group.order, group.section.id === lead.section.id ? leadSize : 0);
    passages.push({ section: group.section, units });
    passages.push(...listItems({ index, candidates, section: group.section, positions: group.positions, pickedIds, budget: Math.max(params.maxWords - words, params.listFloorWords) }));
  }
  return passages;
}

/**
 * A paragraph of the instruction that ends on a lead-in ("the Service member may request that:") has its items
 * as sub-paragraphs, (1), (2), ... in sections of their own. Where that lead-in is quoted, its items come with it:
 * every item when they fit the words left, else those retrieval ranked for this question (then the first ones),
 * in document order, at least one. Each item keeps its own paragraph number as its citation.
 */
function listItems(options: { index: SearchIndex; candidates: Candidate[]; section: Section; positions: Set<number>; pickedIds: Set<string>; budget: number }): Passage[] {
  const { index, section } = options;
  const units = (index.chunkIndexesBySection.get(section.id) ?? []).map((chunkIndex) => index.chunks[chunkIndex]);
  const last = units[units.length - 1];
  if (!last?.leadIn || !options.positions.has(last.position)) return [];
  const prefix = `${section.id}.`;
  const children: Array<{ section: Section; opening: Chunk }> = [];
  for (let position = (index.sectionPositionById.get(section.id) ?? index.sections.length) + 1; position < index.sections.length; position++) {
    const child = index.sections[position];
    if (!child.id.startsWith(prefix)) break;
    const opening = index.chunks[index.chunkIndexesBySection.get(child.id)?.[0] ?? -1];
    if (!child.id.slice(prefix.length).includes('.') && opening && !options.pickedIds.has(child.id)) children.push({ section: child, opening });
  }
  if (children.length === 0) return [];
  const total = children.reduce((sum, child) => sum + wordCount(child.opening.text), 0);
  let chosen = children;
  if (total > options.budget) {
    const score = new Map(options.candidates.map((candidate) => [candidate.section.id, candidate.units[0]?.score ?? 0]));
    const ranked = [...children].sort((left, right) => (score.get(right.section.id) ?? 0) - (score.get(left.section.id) ?? 0));
    const keep = new Set<Section>();
    let words = 0;
    for (const child of ranked) {
      const size = wordCount(child.opening.text);
      if (keep.size > 0 && words + size > options.budget) continue;
      keep.add(child.section);
      words += size;
    }
    chosen = children.filter((child) => keep.has(child.section));
  }
  return chosen.map((child) => ({ section: child.section, units: [child.opening], item: true }));
}

/** For "what is X?": the glossary entry's opening, or X's own line in the acronym table. */
function definitionUnits(index: SearchIndex, lead: Candidate): ScoredUnit[] | undefined {
  const term = lead.definitionOf;
  if (!term) return undefined;
  const positions = index.chunkIndexesBySection.get(lead.section.id) ?? [];
  const units = positions.map((chunkIndex) => ({ chunkIndex, unit: index.chunks[chunkIndex], score: 1, lexical: 0, similarity: 0 }));
  if (lead.section.kind !== 'acronyms') return units.slice(0, 1);
  const own = units.find(({ unit }) => unit.text.toLowerCase().startsWith(`${term}:`) || unit.text.toLowerCase().startsWith(`${term.replace(/s$/, '')}:`));
  return own ? [own] : undefined;
}

/** A unit with what it cannot be read without: its chain of lead-ins, its own list, the sentence it leans on. */
function withDependencies(index: SearchIndex, unit: Chunk): Chunk[] {
  const units = (index.chunkIndexesBySection.get(unit.sectionId) ?? []).map((chunkIndex) => index.chunks[chunkIndex]);
  const members = [unit];
  let depth = unit.depth;
  for (let position = unit.position - 1; position >= 0 && depth > 0; position--) {
    const before = units[position];
    if (before.depth < depth) {
      if (!before.leadIn) break;
      members.unshift(before);
      depth = before.depth;
    }
  }
  if (unit.leadIn) {
    for (let position = unit.position + 1; position < units.length && members.length < LIST_ITEMS + 1; position++) {
      if (units[position].depth <= unit.depth) break;
      members.push(units[position]);
    }
  }
  const first = members[0];
  if (leansOnPrevious(first.text, first.depth) && first.position > 0) {
    const previous = units[first.position - 1];
    if (previous.depth <= first.depth) members.unshift(...withDependencies(index, previous).filter((member) => !members.includes(member)));
  }
  return members;
}

/** Whether a unit cannot be quoted without the one before it: it opens on a pronoun or connective, or points back. */
export function leansOnPrevious(text: string, depth: number): boolean {
  return LEANS_ON_PREVIOUS.test(text) || (depth === 0 && POINTS_BACK.test(text));
}

/** The lead cluster first (the answering sentence and what it needs), then the rest of the section's picks in document order. */
function orderUnits(index: SearchIndex, sectionId: string, order: number[], leadSize: number): Chunk[] {
  const units = (index.chunkIndexesBySection.get(sectionId) ?? []).map((chunkIndex) => index.chunks[chunkIndex]);
  const byPosition = (left: number, right: number) => left - right;
  const positions = [...order.slice(0, leadSize).sort(byPosition), ...order.slice(leadSize).sort(byPosition)];
  return positions.map((position) => units[position]);
}

/**
 * Where a quoted unit of a superseded source repeats wording that a newer source is known to change,
 * the current rule is quoted too: the newer section's unit that best matches what it says.
 */
function addCurrentRule(options: {
  index: SearchIndex;
  sourceById: Map<string, Source>;
  candidates: Candidate[];
  picked: Array<{ section: Section; positions: Set<number> }>;
  take: (section: Section, unit: Chunk, required?: boolean) => boolean;
}): void {
  const { index } = options;
  for (const group of options.picked) {
    const source = options.sourceById.get(group.section.docId);
    if (!source?.supersededBy) continue;
    const quoted = [...group.positions].map((position) => index.chunks[index.chunkIndexesBySection.get(group.section.id)![position]].text);
    const differences = source.knownDifferences.filter((difference) => repeatsOlderText(quoted, difference.olderText));
    const named = differences.flatMap((difference) => difference.currentSectionIds.map((id) => ({ id, says: difference.currentSays })));
    if (named.length === 0) {
      // No known difference: the newer document's best candidate on the same question, if retrieval found one.
      const newer = options.candidates.find((candidate) => candidate.section.docId === source.supersededBy && candidate.units.length > 0);
      if (newer && !options.picked.some((entry) => entry.section.docId === source.supersededBy)) options.take(newer.section, newer.units[0].unit, true);
      continue;
    }
    for (const { id, says } of named) {
      const section = index.sectionById.get(id);
      if (!section || options.picked.some((entry) => entry.section.id === id)) continue;
      const wanted = new Set(contentTerms(says));
      const units = (index.chunkIndexesBySection.get(id) ?? []).map((chunkIndex) => index.chunks[chunkIndex]);
      const best = units.reduce((top, unit) => (overlap(unit.text, wanted) > overlap(top.text, wanted) ? unit : top), units[0]);
      if (best) options.take(section, best, true);
    }
  }
}

/**
 * Where the answer quotes the current rule on a point an older source is known to state otherwise, and
 * retrieval found that older source for this question too, its wording is quoted as well, so the person
 * learns the sources differ (and the notice says which is current) rather than meeting the old text later.
 */
function addOlderWording(options: {
  index: SearchIndex;
  sourceById: Map<string, Source>;
  candidates: Candidate[];
  picked: Array<{ section: Section }>;
  take: (section: Section, unit: Chunk, required?: boolean) => boolean;
}): void {
  const pickedIds = new Set(options.picked.map((entry) => entry.section.id));
  for (const candidate of options.candidates.slice(0, 3)) {
    const source = options.sourceById.get(candidate.section.docId);
    if (!source?.supersededBy || pickedIds.has(candidate.section.id)) continue;
    for (const difference of source.knownDifferences) {
      if (!difference.currentSectionIds.some((id) => pickedIds.has(id))) continue;
      const units = (options.index.chunkIndexesBySection.get(candidate.section.id) ?? []).map((chunkIndex) => options.index.chunks[chunkIndex]);
      const older = units.filter((unit) => repeatsOlderText([unit.text], difference.olderText));
      older.forEach((unit) => options.take(candidate.section, unit, true));
    }
  }
}

const overlap = (text: string, wanted: Set<string>) => contentTerms(text).filter((term) => wanted.has(term)).length;
