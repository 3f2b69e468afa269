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

/** The document's name as a locator would begin with it: "DoDI", "WomensLaw". */
function nameWord(docTitle: string, docShortTitle?: string): string {
  return (shortDocTitle(docTitle, docShortTitle).split(/[\s:,]/)[0] ?? '').toLowerCase();
}

/** True when the locator already names its document ("DoDI 6400.06, para. 3.5.d.(3), p. 40"), as the server's search and chat locators do. */
export function locatorNamesDocument(locator: string, docTitle: string, docShortTitle?: string): boolean {
  const word = nameWord(docTitle, docShortTitle);
  return word.length > 0 && locator.trim().toLowerCase().startsWith(word);
}

/**
 * Splits "WomensLaw MPO page, para. ..." into the document's short name and the place
 * within it, for views that show the two apart; the server's own short name wins.
 */
export function splitLocator(locator: string, docTitle: string, docShortTitle?: string): { docName: string; where: string } {
  const fallback = shortDocTitle(docTitle, docShortTitle);
  if (!locatorNamesDocument(locator, docTitle, docShortTitle)) return { docName: fallback, where: locator };
  const match = /^([^,:]*)[,:]\s*(.*)$/s.exec(locator.trim());
  if (!match?.[2]) return { docName: fallback, where: locator };
  return { docName: docShortTitle?.trim() || match[1]!.trim() || fallback, where: match[2] };
}

/** The locator without a leading document name, for places that show the document beside it. */
export function locatorWithinDocument(locator: string, docTitle: string, docShortTitle?: string): string {
  return splitLocator(locator, docTitle, docShortTitle).where;
}

// A locator part that points into a document or at the law it cites: "para. 3.5.d.(3)(g), p. 41",
// "MO ST § 455.040(1)", "Glossary, G.2 ...". WomensLaw footnotes that name another publication
// ("Department of Defense Instruction, Number 6400.06, Incorporating Change 1, ...") are not places a reader can find.
const PINPOINT = /§|\bpara\.|\bpp?\.\s*\d|U\.S\.C|C\.F\.R|\bglossary\b|\benclosure\b|\bsection \d|\bcover page\b|\breferences\b/i;
const CITED_LAW = /§|U\.S\.C|C\.F\.R/;

/**
 * Where a passage sits, cleaned for a reader: "See" and truncation dropped, footnotes that name other
 * publications left out; a WomensLaw answer is found by its question, with the statutes it cites after it.
 */
export function cleanWhere(source: { docTitle: string; docShortTitle?: string; locator?: string; title?: string }): string {
  let within = locatorWithinDocument(source.locator?.trim() ?? '', source.docTitle, source.docShortTitle);
  let title = source.title?.trim() ?? '';
  // Chat locators name the question and put what it cites in brackets: '"How long ...?" (MO ST § 455.040(1), (4))'.
  const quoted = /^"([^"]+)"\s*(?:\((.*)\))?$/s.exec(within);
  if (quoted) {
    title = quoted[1]!.trim();
    within = quoted[2] ?? '';
  }
  const parts: string[] = [];
  for (const raw of within.split(/;\s*/)) {
    const part = raw.replace(/^see\s+/i, '').replace(/\s*(\.\.\.|…)$/, '').trim();
    const continues = parts.length > 0 && /^\d[\d.()\-–, ]*$/.test(part);
    if (part && (PINPOINT.test(part) || continues) && !parts.includes(part)) parts.push(part);
  }
  // The MPO page's own title is its first question: do not quote it twice.
  const quotedTitle = title && !source.docTitle.includes(title) ? `"${title}"` : '';
  if (parts.length === 0) return quotedTitle;
  const places = parts.join('; ');
  if (!parts.every((part) => CITED_LAW.test(part) || /^\d/.test(part))) return places;
  return quotedTitle ? `${quotedTitle}, citing ${places}` : places;
}

/** One-line citation a hotline advocate can paste: "DoDI 6400.06, para. 3.5.d.(3)(g), p. 41". */
export function formatCitation(source: {
  docTitle: string;
  docShortTitle?: string;
  locator?: string;
  title?: string;
}): string {
  const { docName } = splitLocator(source.locator?.trim() ?? '', source.docTitle, source.docShortTitle);
  const where = cleanWhere(source);
  return where ? `${docName}, ${where}` : docName;
}

/**
 * The citation "Copy citation" puts on the clipboard: the clean locator, then the document's
 * full title, its date and its address, so a note can be checked later without Lumen.
 */
export function fullCitation(source: {
  docTitle: string;
  docShortTitle?: string;
  locator?: string;
  title?: string;
  asOf: string | null;
  url?: string;
}): string {
  const date = source.asOf ? formatIsoDate(source.asOf) : 'undated';
  const url = /^https?:\/\//.test(source.url ?? '') ? ` ${source.url}` : '';
  return `${formatCitation(source)}. ${source.docTitle.trim()} (${date}).${url}`;
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
