import type { PageLine } from './dodi-pages.js';
import { joinLine } from './dodi-pages.js';
import type { Acronym, Block, Section } from './types.js';
import { slugify } from './text.js';

const ACRONYM_LINE = /^[A-Za-z.&()/-]{2,14}$/;
const WRAP_ENDINGS = /\b(the|of|a|an|and|or|to|in|on|for|by|with|as|that|which|is|are|be|from|at)$/i;

/** Splits the glossary into the acronym table (G.1) and one section per defined term (G.2). */
export function parseGlossary(lines: PageLine[], docId: string): { acronyms: Acronym[]; sections: Section[] } {
  const definitionsStart = lines.findIndex((line) => /^G\.2\./.test(line.text));
  const acronymLines = lines.slice(1, definitionsStart);
  const acronyms = parseAcronyms(acronymLines);
  const acronymPage = acronymLines[0]?.page ?? 0;
  const acronymBlocks = acronyms.map((entry, index): Block => ({
    text: `${entry.acronym}: ${entry.meaning}`,
    depth: 1,
    locator: `Glossary, G.1 Acronyms, p. ${acronymPage}`,
    cites: [],
    page: acronymPage,
    marker: '•',
    paragraph: index,
  }));
  const sections: Section[] = [
    {
      id: `${docId}:G.1`,
      docId,
      path: ['Glossary', 'G.1. Acronyms'],
      title: 'G.1. Acronyms',
      text: acronymBlocks.map((block) => `• ${block.text}`).join('\n'),
      blocks: acronymBlocks,
      locator: `Glossary, G.1, p. ${acronymPage}`,
      cites: [],
      pages: [acronymPage],
      kind: 'acronyms',
    },
  ];
  const knownAcronyms = new Set(acronyms.map((entry) => entry.acronym));
  for (const term of parseDefinitions(lines.slice(definitionsStart + 2), knownAcronyms)) {
    const meaning = acronyms.find((entry) => entry.acronym === term.term)?.meaning;
    const title = meaning ? `${term.term} (${meaning})` : term.term;
    const blocks: Block[] = term.paragraphs.map((paragraph, index) => ({
      text: paragraph.text,
      depth: index === 0 ? 0 : 1,
      locator: `Glossary, G.2 "${term.term}", p. ${paragraph.page}`,
      cites: [],
      page: paragraph.page,
      marker: index === 0 ? undefined : '•',
      paragraph: index,
    }));
    sections.push({
      id: `${docId}:G.2/${slugify(term.term)}`,
      docId,
      path: ['Glossary', 'G.2. Definitions', title],
      title,
      text: blocks.map((block, index) => (index === 0 ? block.text : `  • ${block.text}`)).join('\n'),
      blocks,
      locator: `Glossary, G.2 "${term.term}", p. ${term.paragraphs[0].page}`,
      cites: [],
      pages: [...new Set(term.paragraphs.map((paragraph) => paragraph.page))],
      kind: 'definition',
    });
  }
  return { acronyms, sections };
}

/** ACRONYM / meaning pairs on alternate lines; a meaning may wrap onto further lines. */
function parseAcronyms(lines: PageLine[]): Acronym[] {
  const acronyms: Acronym[] = [];
  for (const line of lines) {
    const last = acronyms[acronyms.length - 1];
    const looksLikeAcronym = ACRONYM_LINE.test(line.text) && (line.text.match(/[A-Z]/g)?.length ?? 0) >= 2;
    if (looksLikeAcronym && (!last || last.meaning !== '')) acronyms.push({ acronym: line.text, meaning: '' });
    else if (last) last.meaning = joinLine(last.meaning, line.text);
  }
  return acronyms.filter((entry) => entry.meaning !== '');
}

interface Definition {
  term: string;
  paragraphs: PageLine[];
}

/** TERM / definition pairs: a term is a short unpunctuated line after a finished sentence. */
function parseDefinitions(lines: PageLine[], knownAcronyms: Set<string>): Definition[] {
  const terms: Definition[] = [];
  let previous = '';
  for (const line of lines) {
    const last = terms[terms.length - 1];
    const paragraphDone = previous === '' || /[.;)"]$/.test(previous);
    // A term wraps onto a second line that starts in lower case ("civilian protection" / "order").
    if (last && last.paragraphs.length === 0 && /^[a-z]/.test(line.text) && line.text.length <= 30) {
      last.term = `${last.term} ${line.text}`;
      previous = line.text;
      continue;
    }
    const isTerm =
      paragraphDone &&
      line.text.length <= 48 &&
      !/[.,;:]$/.test(line.text) &&
      !WRAP_ENDINGS.test(line.text) &&
      (knownAcronyms.has(line.text) || /^[a-zA-Z]/.test(line.text)) &&
      !(last && last.paragraphs.length === 0 && !/^[a-z]/.test(line.text));
    if (isTerm && (/^[a-z]/.test(line.text) || knownAcronyms.has(line.text.split(' ')[0]) || /^[A-Z][A-Za-z]*( [a-zA-Z]+)*$/.test(line.text))) {
      terms.push({ term: line.text, paragraphs: [] });
    } else if (last) {
      const current = last.paragraphs[last.paragraphs.length - 1];
      // After a colon, each line that starts with a capital is its own list item.
      if (!current || (/[:;.]$/.test(current.text) && /^[A-Z]/.test(line.text))) last.paragraphs.push({ ...line });
      else current.text = joinLine(current.text, line.text);
    }
    previous = line.text;
  }
  return terms.filter((term) => term.paragraphs.length > 0);
}
