import type { Section } from '../../ingest/types.js';
import { splitSentences } from '../../ingest/text.js';
import { contentTerms } from '../retrieve/terms.js';

/** A sentence or list item that can be quoted and cited on its own. */
export interface Unit {
  sectionId: string;
  /** Position within the section, for document order. */
  position: number;
  text: string;
  locator: string;
  depth: number;
  /** Block index in the section, to tell whether two units are adjacent. */
  block: number;
  /** The unit ends with ":" and the list items after it complete it. */
  leadIn: boolean;
  terms: Set<string>;
  /** Words of the surrounding paragraph and the section title: what the sentence is about. */
  contextTerms: Set<string>;
  /** In the section's first paragraph of text (with its list): where a Q&A section answers its own question. */
  opening: boolean;
}

const unitCache = new WeakMap<Section, Unit[]>();
const titleTermCache = new WeakMap<Section, Set<string>>();

/** The content words of a section's title (its question, for WomensLaw); cached per section. */
export function sectionTitleTerms(section: Section): Set<string> {
  let terms = titleTermCache.get(section);
  if (!terms) {
    terms = new Set(contentTerms(section.title));
    titleTermCache.set(section, terms);
  }
  return terms;
}

/** Splits a section into quotable units (sentences, bullets, numbered items); cached per section. */
export function sectionUnits(section: Section): Unit[] {
  const cached = unitCache.get(section);
  if (cached) return cached;
  const units: Unit[] = [];
  const titleTerms = sectionTitleTerms(section);
  const paragraphTerms = new Map<number, string[]>();
  for (const block of section.blocks) paragraphTerms.set(block.paragraph, [...(paragraphTerms.get(block.paragraph) ?? []), ...contentTerms(block.text)]);
  const firstParagraph = section.blocks.find((block) => !block.heading && block.text.trim().length > 0)?.paragraph;
  section.blocks.forEach((block, blockIndex) => {
    if (block.heading || block.text.trim().length === 0) return;
    // DoDI items can hold several sentences; WomensLaw blocks are already one sentence or bullet.
    const pieces = section.docId === 'dodi' && block.depth === 0 && block.text.length > 220 ? splitSentences(block.text) : [block.text];
    for (const text of pieces) {
      units.push({
        sectionId: section.id,
        position: units.length,
        text,
        locator: block.locator,
        depth: block.depth,
        block: blockIndex,
        leadIn: /:\s*$/.test(text),
        // The statute or paragraph a sentence rests on counts as its words: staff look rules up by number.
        terms: new Set(contentTerms(`${text} ${block.cites.join(' ')} ${/\d/.test(block.locator) ? block.locator : ''}`)),
        contextTerms: new Set([...titleTerms, ...(paragraphTerms.get(block.paragraph) ?? [])]),
        opening: block.paragraph === firstParagraph,
      });
    }
  });
  unitCache.set(section, units);
  return units;
}

/** The list items that complete a lead-in unit ("... can:" followed by bullets). */
export function listAfter(units: Unit[], leadIndex: number, max = 10): Unit[] {
  const lead = units[leadIndex];
  const items: Unit[] = [];
  for (let index = leadIndex + 1; index < units.length && items.length < max; index++) {
    if (units[index].depth <= lead.depth) break;
    items.push(units[index]);
  }
  return items;
}

/** The lead-in sentence that introduces a list item, if any. */
export function leadInBefore(units: Unit[], itemIndex: number): number | undefined {
  const item = units[itemIndex];
  for (let index = itemIndex - 1; index >= 0; index--) {
    if (units[index].depth < item.depth) return units[index].leadIn ? index : undefined;
  }
  return undefined;
}
