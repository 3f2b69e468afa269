/** Normalise web-page text: non-breaking spaces, curly quotes and dashes become plain ASCII. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, (dash) => (dash === '\u2013' ? '-' : '-'))
    .replace(/\u2026/g, '...')
    .replace(/[ \t]+$/gm, '');
}

/** A URL-safe slug of a heading, short enough to read in an id. */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut;
}

/** Collapse runs of spaces inside a line (the saved pages have doubled spaces). */
export function squashSpaces(text: string): string {
  return text.replace(/ {2,}/g, ' ').trim();
}

/** Order-preserving de-duplication. */
export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** Abbreviations whose full stop ends no sentence ("U.S.C.", "e.g.", "St. Louis", "para. 3.5"). */
const ABBREVIATIONS = /\b(U\.S\.C|U\.S|e\.g|i\.e|etc|No|Vol|para|p|St|Mr|Mrs|Ms|Dr|Jr|Inc|vs|DoDI|DoDD|DoDM|PL|Sec)\./g;

/** Hides the full stops of abbreviations (as NUL) so a sentence split passes over them; `restoreStops` puts them back. */
function protectAbbreviations(text: string): string {
  return text.replace(ABBREVIATIONS, (match) => match.replace(/\./g, '\u0000'));
}

const restoreStops = (part: string) => part.replace(/\u0000/g, '.').trim();

/** Split prose into sentences, keeping abbreviations such as "U.S.C." and "e.g." intact. */
export function splitSentences(text: string): string[] {
  return (
    protectAbbreviations(text)
      // A footnote marker may sit between the full stop and the next sentence ("within 15 days.2 If").
      .split(/(?<=[.!?]["')]?(?:\d{1,2}|\*{1,3})?)\s+(?=["'(]?[A-Z0-9])/)
      .map(restoreStops)
      .filter((part) => part.length > 0)
  );
}

/**
 * Split what a person typed into sentences. Unlike the documents, messages are often typed in lower case
 * ("its been years. can i still get an order"), so any . ! ? before a space ends a sentence, and so does a
 * line break; the abbreviations of splitSentences still do not.
 */
export function splitMessageSentences(text: string): string[] {
  return protectAbbreviations(text)
    .split(/(?<=[.!?])\s+|\n+/)
    .map(restoreStops)
    .filter((part) => part.length > 0);
}
