import type { Acronym, Block, ParsedDocument, Section } from './types.js';
import { joinLine, stripPageFurniture, type PageLine } from './dodi-pages.js';
import { parseGlossary } from './dodi-glossary.js';
import { normaliseText, unique } from './text.js';

/** A numbered item of the instruction: "3.5.", "d.", "(3)", "(g)", "1.", "a.". */
interface Item {
  /** Markers from the top: ["3.5", "d", "(3)", "(g)"]. */
  markers: string[];
  text: string;
  page: number;
  sectionTitle: string;
}

const LEVEL_PATTERNS: Array<{ level: number; pattern: RegExp; ordinal: (mark: string) => number }> = [
  { level: 6, pattern: /^([a-z])\.\s+(.*)$/, ordinal: letterOrdinal },
  { level: 5, pattern: /^(\d{1,2})\.\s+(.*)$/, ordinal: Number },
  { level: 4, pattern: /^\(([a-z])\)\s+(.*)$/, ordinal: letterOrdinal },
  { level: 3, pattern: /^\((\d{1,2})\)\s+(.*)$/, ordinal: Number },
  { level: 2, pattern: /^([a-z])\.\s+(.*)$/, ordinal: letterOrdinal },
];
const TOP_PARAGRAPH = /^(\d{1,2})\.(\d{1,2})\.\s+(.*)$/;
const SECTION_HEADING = /^SECTION (\d+): (.+)$/;
/** Deepest level that is still its own section; deeper items are blocks inside it. */
const SECTION_DEPTH = 3;

function letterOrdinal(mark: string): number {
  return mark.charCodeAt(0) - 96;
}

/** Parses DoD Instruction 6400.06 into paragraph sections, glossary definitions and the acronym table. */
export function parseDodi(raw: string, docId: string): ParsedDocument {
  const lines = stripPageFurniture(normaliseText(raw).split('\n'));
  const glossaryStart = lines.findIndex((line) => line.text === 'GLOSSARY');
  const referencesStart = lines.findIndex((line, index) => index > glossaryStart && line.text === 'REFERENCES');
  if (glossaryStart < 0 || referencesStart < 0) throw new Error('no GLOSSARY or REFERENCES heading found');
  const bodyStart = lines.findIndex((line) => SECTION_HEADING.test(line.text));
  if (bodyStart < 0) throw new Error('no "SECTION 1:" heading found');

  const sections: Section[] = [coverSection(lines.slice(0, bodyStart), docId)];
  const glossary = parseGlossary(lines.slice(glossaryStart + 1, referencesStart), docId);
  const items = readItems(lines.slice(bodyStart, glossaryStart));
  const keepUpper = new Set(glossary.acronyms.map((entry) => entry.acronym.toUpperCase()));
  sections.push(...itemsToSections(items, docId, keepUpper));
  sections.push(...glossary.sections);
  sections.push(referencesSection(lines.slice(referencesStart + 1), docId));
  return { docId, sections, acronyms: glossary.acronyms satisfies Acronym[] };
}

/** Walks the body lines and cuts them into numbered items, validating each marker against the outline. */
function readItems(lines: PageLine[]): Item[] {
  const items: Item[] = [];
  let sectionTitle = '';
  let ordinals: number[] = [];
  let markers: string[] = [];
  let current: Item | undefined;
  let inSectionTitle = false;
  for (const line of lines) {
    const heading = line.text.match(SECTION_HEADING);
    if (heading) {
      sectionTitle = `SECTION ${heading[1]}: ${heading[2]}`;
      inSectionTitle = true;
      current = undefined;
      continue;
    }
    if (inSectionTitle && line.text === line.text.toUpperCase() && !TOP_PARAGRAPH.test(line.text)) {
      sectionTitle += ` ${line.text}`;
      continue;
    }
    inSectionTitle = false;
    const top = line.text.match(TOP_PARAGRAPH);
    if (top) {
      ordinals = [0, Number(top[2])];
      markers = [`${top[1]}.${top[2]}`];
      current = { markers: [...markers], text: top[3], page: line.page, sectionTitle };
      items.push(current);
      continue;
    }
    const next = matchOutlineMarker(line.text, ordinals);
    if (next && current) {
      ordinals = [...ordinals.slice(0, next.level), next.ordinal];
      markers = [...markers.slice(0, next.level - 1), next.marker];
      current = { markers: [...markers], text: next.text, page: line.page, sectionTitle };
      items.push(current);
      continue;
    }
    if (current) current.text = joinLine(current.text, line.text);
  }
  return items;
}

/** Returns the deepest outline level this line can continue (next sibling, or first child), if any. */
function matchOutlineMarker(
  text: string,
  ordinals: number[],
): { level: number; ordinal: number; marker: string; text: string } | undefined {
  const depth = ordinals.length - 1;
  for (const { level, pattern, ordinal } of LEVEL_PATTERNS) {
    const match = text.match(pattern);
    if (!match) continue;
    const value = ordinal(match[1]);
    const firstChild = value === 1 && level === depth + 1;
    const nextSibling = level <= depth && ordinals[level] === value - 1;
    if (!firstChild && !nextSibling) continue;
    const marker = level === 3 || level === 4 ? `(${match[1]})` : `${match[1]}.`;
    return { level, ordinal: value, marker, text: match[2] };
  }
  return undefined;
}

/** Formats markers the way staff cite them: "para. 3.5.d.(3)(g)". */
export function paragraphLabel(markers: string[]): string {
  const [top, ...rest] = markers;
  return `para. ${top}.${rest.join('')}`;
}

function itemsToSections(items: Item[], docId: string, acronyms: Set<string>): Section[] {
  const sections: Section[] = [];
  const titles = new Map<string, string>();
  let open: Section | undefined;
  let paragraph = 0;
  for (const item of items) {
    const depth = item.markers.length;
    const key = item.markers.join('|');
    titles.set(key, itemTitle(item, acronyms));
    if (depth <= SECTION_DEPTH) {
      const ancestors = item.markers.slice(0, -1).map((_, index) => titles.get(item.markers.slice(0, index + 1).join('|')) ?? '');
      const label = paragraphLabel(item.markers);
      open = {
        id: `${docId}:${label.replace('para. ', '').replace(/\.$/, '')}`,
        docId,
        path: [titleCase(item.sectionTitle, acronyms), ...ancestors, titles.get(key) ?? ''],
        title: titles.get(key) ?? label,
        text: '',
        blocks: [],
        locator: `${label}, p. ${item.page}`,
        cites: [],
        pages: [],
        kind: 'paragraph',
      };
      sections.push(open);
      paragraph = 0;
    }
    if (!open) continue;
    const label = paragraphLabel(item.markers);
    const block: Block = {
      text: item.text,
      depth: Math.max(0, depth - SECTION_DEPTH),
      locator: `${label}, p. ${item.page}`,
      cites: [],
      page: item.page,
      marker: depth <= SECTION_DEPTH ? undefined : item.markers[depth - 1],
      paragraph: paragraph++,
    };
    open.blocks.push(block);
    open.pages = unique([...(open.pages ?? []), item.page]);
  }
  for (const section of sections) section.text = blocksToText(section.blocks);
  // A lead-in such as "d. MPO. Commanders will:" says nothing alone; its children carry it in their path.
  return sections.filter((section, index) => {
    const child = sections[index + 1];
    const hasChildren = child !== undefined && child.id.startsWith(section.id);
    return section.text.trim().length > (hasChildren ? 40 : 0);
  });
}

/** Renders blocks as indented text, markers included, for display and lexical indexing. */
export function blocksToText(blocks: Block[]): string {
  const lines: string[] = [];
  let lastParagraph = -1;
  for (const block of blocks) {
    if (block.paragraph === lastParagraph && lines.length > 0) {
      lines[lines.length - 1] += ` ${block.text}`;
      continue;
    }
    const indent = '  '.repeat(block.depth);
    lines.push(`${indent}${block.marker ? `${block.marker} ` : ''}${block.text}`);
    lastParagraph = block.paragraph;
  }
  return lines.join('\n');
}

function itemTitle(item: Item, acronyms: Set<string>): string {
  const label = item.markers[item.markers.length - 1];
  if (item.markers.length === 1) {
    const upper = item.text.match(/^([A-Z0-9 ,;()&'"\-/]+)\.(\s|$)/);
    return `${label}. ${titleCase(upper ? upper[1] : firstSentence(item.text), acronyms)}`;
  }
  return `${label} ${firstSentence(item.text)}`;
}

function firstSentence(text: string): string {
  const match = text.match(/^(.{3,90}?[.:;])(\s|$)/);
  if (match) return match[1].replace(/[.:;]$/, '');
  return text.length > 90 ? `${text.slice(0, 87).replace(/\s+\S*$/, '')}...` : text;
}

/** "SECTION 3: RESPONSIBILITIES FOR FAP" -> "Section 3: Responsibilities for FAP"; glossary acronyms stay upper case. */
export function titleCase(text: string, acronyms: Set<string>): string {
  const small = new Set(['and', 'or', 'of', 'the', 'for', 'to', 'in', 'on', 'a', 'an', 'by']);
  return text
    .split(' ')
    .map((word, index) => {
      if (word !== word.toUpperCase() || word.includes('(')) return word;
      const bare = word.replace(/[.,:;]$/, '');
      if (acronyms.has(bare)) return word;
      if (bare.endsWith('S') && acronyms.has(bare.slice(0, -1))) return `${bare.slice(0, -1)}s${word.slice(bare.length)}`;
      if (bare === 'DOD') return word.replace('DOD', 'DoD');
      const lower = word.toLowerCase();
      if (index > 0 && small.has(lower)) return lower;
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join(' ');
}

function coverSection(lines: PageLine[], docId: string): Section {
  const text = lines.reduce((acc, line) => joinLine(acc, line.text), '');
  const purpose = text.slice(Math.max(0, text.indexOf('Purpose:')));
  return {
    id: `${docId}:cover`,
    docId,
    path: ['Cover page'],
    title: 'Purpose, effective dates and approval',
    text,
    blocks: [
      { text: text.slice(0, text.indexOf('Purpose:')).trim(), depth: 0, locator: 'cover page, p. 1', cites: [], page: 1, paragraph: 0 },
      { text: purpose, depth: 0, locator: 'cover page (Purpose), p. 1', cites: [], page: 1, paragraph: 1 },
    ],
    locator: 'cover page, p. 1',
    cites: [],
    pages: [1],
    kind: 'paragraph',
  };
}

function referencesSection(lines: PageLine[], docId: string): Section {
  const entries: PageLine[] = [];
  for (const line of lines) {
    // A reference entry starts with a capital and the previous one ended with a date or closing quote.
    const last = entries[entries.length - 1];
    if (last && !/(\d{4}|amended|")\.?$/.test(last.text)) last.text = joinLine(last.text, line.text);
    else entries.push({ ...line });
  }
  const blocks = entries.map((entry, index): Block => ({
    text: entry.text,
    depth: 1,
    locator: `References, p. ${entry.page}`,
    cites: [],
    page: entry.page,
    marker: '•',
    paragraph: index,
  }));
  return {
    id: `${docId}:references`,
    docId,
    path: ['References'],
    title: 'References',
    text: blocksToText(blocks),
    blocks,
    locator: `References, pp. ${entries[0]?.page ?? ''}-${entries[entries.length - 1]?.page ?? ''}`,
    cites: [],
    pages: unique(entries.map((entry) => entry.page)),
    kind: 'references',
  };
}

