// Turns answer text ("... [1]\n• item [2]") into structure the view renders as
// nodes; kept free of the DOM so it can be tested on its own.

/** A run of plain text, a citation marker, or a phone number (which becomes a tel: link). */
export type Segment = { kind: 'text'; text: string } | { kind: 'cite'; n: number } | { kind: 'phone'; text: string };

// US numbers as the hotline data writes them ("1-800-799-7233", "911", "988"); a
// person in crisis on a phone should be able to tap any number an answer names.
const PHONE = /\b(?:1-)?\d{3}-\d{3}-\d{4}\b|\b(?:911|988)\b/g;

/** Splits plain text so phone numbers stand apart. */
export function splitPhones(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(PHONE)) {
    const index = match.index ?? 0;
    if (index > last) segments.push({ kind: 'text', text: text.slice(last, index) });
    segments.push({ kind: 'phone', text: match[0] });
    last = index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/** A paragraph, or a bullet list whose items are lines that began with "• ". */
export type AnswerBlock =
  | { kind: 'paragraph'; segments: Segment[] }
  | { kind: 'list'; items: Segment[][] };

const BULLET = /^\s*[•\u2022*-]\s+/;

/** Splits a line into text and [n] markers; markers for unknown citations stay as text. */
export function splitMarkers(line: string, known?: ReadonlySet<number>): Segment[] {
  const segments: Segment[] = [];
  const marker = /\[(\d{1,3})\]/g;
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = marker.exec(line)) !== null) {
    const n = Number(match[1]);
    if (known && !known.has(n)) continue;
    if (match.index > last) segments.push(...splitPhones(line.slice(last, match.index)));
    segments.push({ kind: 'cite', n });
    last = match.index + match[0].length;
  }
  if (last < line.length) segments.push(...splitPhones(line.slice(last)));
  return segments;
}

/** Parses answer text into paragraphs and bullet lists. */
export function parseAnswer(text: string, known?: ReadonlySet<number>): AnswerBlock[] {
  const blocks: AnswerBlock[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trimEnd();
    if (line.trim() === '') continue;
    if (BULLET.test(line)) {
      const item = splitMarkers(line.replace(BULLET, ''), known);
      const previous = blocks[blocks.length - 1];
      if (previous?.kind === 'list') previous.items.push(item);
      else blocks.push({ kind: 'list', items: [item] });
    } else {
      blocks.push({ kind: 'paragraph', segments: splitMarkers(line.trim(), known) });
    }
  }
  return blocks;
}

/** Answer text as a screen reader should hear it: markers become "(source 1)". */
export function speakableAnswer(text: string): string {
  return text
    .replace(/\s*\[(\d{1,3})\]/g, ' (source $1)')
    .replace(/^\s*•\s+/gm, '')
    .replace(/\s*\n+\s*/g, ' ')
    .trim();
}
