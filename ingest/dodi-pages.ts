/** A content line of the DoD instruction with the PDF page it sits on. */
export interface PageLine {
  text: string;
  page: number;
}

const HEADER_ISSUANCE = /^DoDI 6400\.06, December 15, 2021$/;
const HEADER_CHANGE = /^Change 3, July 11, 2024$/;
const RUNNING_TITLE_START = /^(SECTION \d+:|GLOSSARY|REFERENCES|TABLE OF CONTENTS)/;
const ENDS_WITH_PAGE = /\s(\d{1,3})$/;
// Column headers of the glossary tables, repeated on every page (the first page splits small caps).
const TABLE_HEADER = /^(TERM|DEFINITION|ACRONYM|MEANING|T|ERM|D|EFINITION|A|CRONYM|M|EANING)$/;

/**
 * Removes the repeated page header (issuance date, change line, running title with page number),
 * the table of contents and the glossary's column headers, and tags every remaining line with its page.
 */
export function stripPageFurniture(rawLines: string[]): PageLine[] {
  const lines: PageLine[] = [];
  let page = 1;
  let runningTitle = '';
  for (let i = 0; i < rawLines.length; i++) {
    const line = rawLines[i].trim();
    if (HEADER_ISSUANCE.test(line) && HEADER_CHANGE.test((rawLines[i + 1] ?? '').trim())) {
      const header = readRunningTitle(rawLines, i + 2);
      page = header.page ?? page + 1;
      runningTitle = header.title || runningTitle;
      i = header.nextIndex - 1;
      continue;
    }
    if (line === '') continue;
    if (runningTitle.startsWith('TABLE OF CONTENTS')) continue;
    if (runningTitle.startsWith('GLOSSARY') && TABLE_HEADER.test(line)) continue;
    lines.push({ text: line, page });
  }
  return lines;
}

/** Reads the running title after the two header lines: up to two lines, the last ending in the page number. */
function readRunningTitle(rawLines: string[], start: number): { title: string; page?: number; nextIndex: number } {
  const first = (rawLines[start] ?? '').trim();
  if (!RUNNING_TITLE_START.test(first)) return { title: '', nextIndex: start };
  const sameLine = first.match(ENDS_WITH_PAGE);
  if (sameLine) return { title: first, page: Number(sameLine[1]), nextIndex: start + 1 };
  const second = (rawLines[start + 1] ?? '').trim();
  const wrapped = second.match(ENDS_WITH_PAGE);
  if (wrapped && second === second.toUpperCase()) {
    return { title: `${first} ${second}`, page: Number(wrapped[1]), nextIndex: start + 2 };
  }
  return { title: first, nextIndex: start + 1 };
}

/** Joins a line onto the text before it, keeping real hyphens at line ends ("DD Form 2873-" + "1"). */
export function joinLine(previous: string, next: string): string {
  if (previous === '') return next;
  if (previous.endsWith('-')) return previous + next;
  return `${previous} ${next}`;
}
