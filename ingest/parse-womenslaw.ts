import type { Block, ParsedDocument, Section } from './types.js';
import { normaliseText, slugify, splitSentences, squashSpaces, unique } from './text.js';
import { blocksToText } from './parse-dodi.js';

/** One classified line of a saved WomensLaw page. */
type Line =
  | { kind: 'question'; text: string }
  | { kind: 'short'; text: string }
  | { kind: 'footnote'; key: string; text: string }
  | { kind: 'bullet'; text: string; depth: number; marker: string }
  | { kind: 'paragraph'; text: string };

const BULLET = /^(\s*)(•|\d{1,2}[.)])\s+(.*)$/;
const NUMBERED_HEADING = /^(\d{1,2}[.)])\s+(.*)$/;
const STEP_HEADING = /^Step \d+:/;
const STATUTE = /(§|U\.?S\.?C|USC)/;
const FOOTNOTE = /^(\d{1,2}|\*{1,3})\s+(.+)$/;
/** Site navigation and the page date, saved with the page but not part of any heading path. */
const PAGE_FURNITURE = /^(View (all|by section)|Legal Information:.*|[A-Z][a-z]+ \d{1,2}, \d{4})$/;
const STAR_MARKER = /(?<=\S)(\*{1,3})(?=\s|$)/g;
/** Stop words left out of group slugs so ids stay short and readable. */
const SLUG_STOP = new Set(['of', 'due', 'to', 'with', 'an', 'a', 'the', 'your', 'in', 'for', 'or']);

/** Parses a saved WomensLaw page: one section per question, under its group headings, footnotes resolved. */
export function parseWomensLaw(raw: string, docId: string): ParsedDocument {
  const lines = classify(normaliseText(raw).split('\n'));
  const sections: Section[] = [];
  let groups: string[] = [];
  let pendingGroups: string[] = [];
  let current: { title: string; path: string[]; body: Line[] } | undefined;
  const flush = () => {
    if (current) sections.push(buildSection(current, docId));
    current = undefined;
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (line.kind === 'short' && isGroupHeading(lines, index)) {
      flush();
      if (!PAGE_FURNITURE.test(line.text)) pendingGroups.push(line.text);
      continue;
    }
    if (line.kind === 'question') {
      flush();
      if (pendingGroups.length > 0) {
        // In a run of group headings the last is the subgroup and the one before it its parent;
        // anything earlier is the page's own title furniture.
        groups = pendingGroups.length >= 2 ? pendingGroups.slice(-2) : [groups[0], pendingGroups[0]].filter(Boolean);
        pendingGroups = [];
      }
      current = { title: line.text, path: [...groups, line.text], body: [] };
      continue;
    }
    if (current) current.body.push(line);
  }
  flush();
  markDuplicates(sections);
  return { docId, sections, acronyms: [] };
}

function classify(rawLines: string[]): Line[] {
  const lines: Line[] = [];
  for (const raw of rawLines) {
    if (raw.trim() === '') continue;
    const text = squashSpaces(raw);
    const bullet = raw.match(BULLET);
    if (bullet && bullet[1].length > 0) {
      lines.push({ kind: 'bullet', text: squashSpaces(bullet[3]), depth: Math.max(1, Math.floor(bullet[1].length / 2)), marker: bullet[2] });
      continue;
    }
    const footnote = text.match(FOOTNOTE);
    if ((footnote && (STATUTE.test(footnote[2]) || footnote[1].startsWith('*'))) || (STATUTE.test(text) && text.length < 90 && /^(See |MO |18 |\d)/.test(text))) {
      lines.push({ kind: 'footnote', key: footnote && /^\d{1,2}$|^\*/.test(footnote[1]) && footnote[2] && STATUTE.test(footnote[2]) || footnote?.[1].startsWith('*') ? footnote![1] : '1', text: footnote && (STATUTE.test(footnote[2]) || footnote[1].startsWith('*')) ? footnote[2] : text });
      continue;
    }
    const isQuestion = (text.endsWith('?') && text.length <= 140 && !/\b(see|in) How\b/.test(text)) || STEP_HEADING.test(text);
    if (isQuestion && raw === raw.trimStart()) {
      lines.push({ kind: 'question', text });
      continue;
    }
    const withoutMarker = text.replace(/(\d{1,2}|\*{1,3})$/, '');
    if (text.length <= 90 && !/[.?!:;,]$/.test(withoutMarker) && raw === raw.trimStart()) {
      lines.push({ kind: 'short', text });
      continue;
    }
    lines.push({ kind: 'paragraph', text });
  }
  return lines;
}

/** A group heading is a short line followed by a question or by another group heading. */
function isGroupHeading(lines: Line[], index: number): boolean {
  const next = lines[index + 1];
  if (!next) return false;
  if (NUMBERED_HEADING.test(lines[index].text)) return false;
  if (next.kind === 'question') return true;
  return next.kind === 'short' && isGroupHeading(lines, index + 1);
}

function buildSection(raw: { title: string; path: string[]; body: Line[] }, docId: string): Section {
  const notes = new Map<string, string>();
  for (const line of raw.body) if (line.kind === 'footnote') notes.set(line.key, line.text);
  const blocks: Block[] = [];
  let paragraph = 0;
  for (const line of raw.body) {
    if (line.kind === 'footnote') continue;
    if (line.kind === 'short') {
      blocks.push({ text: line.text, depth: 0, locator: '', cites: [], heading: true, paragraph: paragraph++ });
      continue;
    }
    if (line.kind === 'bullet') {
      const { text, cites } = resolveMarkers(line.text, notes);
      blocks.push({ text, depth: line.depth, locator: '', cites, marker: line.marker === '•' ? '•' : line.marker, paragraph: paragraph++ });
      continue;
    }
    if (line.kind === 'question') continue;
    // Paragraphs become one block per sentence, so a footnote attaches to the sentence it follows.
    const numbered = line.text.match(NUMBERED_HEADING);
    if (numbered && line.text.length <= 90 && !/[.?!:;,]$/.test(line.text)) {
      blocks.push({ text: numbered[2], depth: 0, locator: '', cites: [], heading: true, marker: numbered[1], paragraph: paragraph++ });
      continue;
    }
    for (const sentence of splitSentences(line.text)) {
      const { text, cites } = resolveMarkers(sentence, notes);
      if (text) blocks.push({ text, depth: 0, locator: '', cites, paragraph });
    }
    paragraph++;
  }
  assignLocators(blocks, notes, raw.title);
  const cites = unique([...blocks.flatMap((block) => block.cites), ...notes.values()]);
  const group = raw.path.length > 1 ? raw.path[0] : undefined;
  const groupSlug = group ? slugify(group.toLowerCase().split(/\s+/).filter((word) => !SLUG_STOP.has(word)).join(' '), 40) : '';
  return {
    id: `${docId}:${groupSlug ? `${groupSlug}/` : ''}${slugify(raw.title, 80)}`,
    docId,
    path: raw.path,
    title: raw.title,
    text: blocksToText(blocks),
    blocks,
    locator: cites.length > 0 ? cites.slice(0, 3).join('; ') + (cites.length > 3 ? '; ...' : '') : raw.title,
    cites,
    kind: 'question',
  };
}

/** Removes footnote markers glued to the end of a sentence or bullet and returns the references they name. */
export function resolveMarkers(text: string, notes: Map<string, string>): { text: string; cites: string[] } {
  const cites: string[] = [];
  let cleaned = text.replace(STAR_MARKER, (marker) => {
    const note = notes.get(marker);
    if (!note) return marker;
    cites.push(note);
    return '';
  });
  // A digit marker follows punctuation or a letter and names a footnote of this answer ("days.2", "above;2").
  cleaned = cleaned.replace(/(?<=[A-Za-z.;:,?!)"'])(\d{1,2})(?=\s|$)/g, (marker) => {
    const note = notes.get(marker);
    if (!note) return marker;
    cites.push(note);
    return '';
  });
  return { text: squashSpaces(cleaned), cites };
}

/**
 * A block's locator is its own reference; a sentence without one borrows the next reference in its
 * paragraph (WomensLaw puts the marker after the last sentence it supports), and a list item borrows
 * the reference at the end of its list.
 */
function assignLocators(blocks: Block[], notes: Map<string, string>, title: string): void {
  const onlyNote = notes.size === 1 ? [...notes.values()][0] : undefined;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    if (block.heading) {
      block.locator = title;
      continue;
    }
    let borrowed = block.cites;
    let previous = block;
    for (let next = index + 1; borrowed.length === 0 && next < blocks.length; next++) {
      const candidate = blocks[next];
      const sameParagraph = candidate.paragraph === previous.paragraph;
      // A lead-in ending in ":" belongs with the list after it, and list items with each other.
      const intoList = candidate.depth > 0 && (previous.depth > 0 || previous.text.endsWith(':'));
      if (candidate.heading || (!sameParagraph && !intoList)) break;
      borrowed = candidate.cites;
      previous = candidate;
    }
    if (borrowed.length === 0 && onlyNote && block.cites.length === 0) borrowed = [onlyNote];
    block.locator = borrowed.length > 0 ? borrowed.join('; ') : title;
  }
}

/** Marks sections whose text nearly repeats an earlier one (the same answer under two headings). */
function markDuplicates(sections: Section[]): void {
  const shingles = sections.map((section) => wordSet(section.text));
  for (let later = 0; later < sections.length; later++) {
    for (let earlier = 0; earlier < later; earlier++) {
      if (sections[earlier].duplicateOf) continue;
      if (jaccard(shingles[earlier], shingles[later]) >= 0.8) {
        sections[later].duplicateOf = sections[earlier].id;
        break;
      }
    }
  }
}

function wordSet(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const pairs = new Set<string>();
  for (let index = 0; index + 1 < words.length; index++) pairs.add(`${words[index]} ${words[index + 1]}`);
  return pairs;
}

function jaccard(left: Set<string>, right: Set<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const item of left) if (right.has(item)) shared++;
  return shared / (left.size + right.size - shared);
}
