/** A piece of snippet text, marked when it matches a word of the query. */
export interface HighlightPart {
  text: string;
  match: boolean;
}

/** Splits text so the query's words (2+ characters) can be shown marked; pure, so the DOM only sets text. */
export function highlightParts(text: string, query: string): HighlightPart[] {
  const words = [...new Set(query.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter((word) => word.length >= 2))];
  if (words.length === 0) return [{ text, match: false }];
  const pattern = new RegExp(`(${words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  const parts: HighlightPart[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ text: text.slice(last, index), match: false });
    parts.push({ text: match[0], match: true });
    last = index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}
