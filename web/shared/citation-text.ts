// How a source is named in one line: used by the staff "copy citation" button
// and by the widget's "sources" line, so both speak about a document the same way.

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** Short name of a document: the server's short title when it sends one, else one derived from the full title. */
export function shortDocTitle(docTitle: string, docShortTitle?: string): string {
  if (docShortTitle && docShortTitle.trim()) return docShortTitle.trim();
  // "DoD Instruction 6400.06, DoD Coordinated Community Response ..." -> "DoDI 6400.06":
  // the part before the first comma names the document, the rest describes it.
  const head = docTitle.split(',')[0]?.trim() || docTitle.trim();
  return head.replace(/^DoD Instruction\b/, 'DoDI');
}

/** One-line citation a hotline advocate can paste: "DoDI 6400.06, para. 3.5.d.(3)(g), p. 41". */
export function formatCitation(source: {
  docTitle: string;
  docShortTitle?: string;
  locator?: string;
  title?: string;
}): string {
  const name = shortDocTitle(source.docTitle, source.docShortTitle);
  // A WomensLaw answer may cite no statute; its question is then the only locator a reader can find.
  const where = source.locator?.trim() || (source.title ? `"${source.title.trim()}"` : '');
  return where ? `${name}, ${where}` : name;
}

/** "2024-07-11" -> "July 11, 2024"; parsed by hand so no time zone can shift the day. */
export function formatIsoDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  if (!match) return iso;
  const month = MONTHS[Number(match[2]) - 1];
  if (!month) return iso;
  return match[3] ? `${month} ${Number(match[3])}, ${match[1]}` : `${month} ${match[1]}`;
}

/** How current a source is, in words: "current as of July 11, 2024" or "undated". */
export function describeAsOf(asOf: string | null | undefined): string {
  return asOf ? `as of ${formatIsoDate(asOf)}` : 'undated';
}
