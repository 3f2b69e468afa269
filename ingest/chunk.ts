import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { splitSentences } from './text.js';
import type { Block, Chunk, Section } from './types.js';

/** A DoDI paragraph longer than this is split into its sentences; WomensLaw blocks already are one. */
const SPLIT_ABOVE = 220;
/** A single sentence longer than this (a DoDI run-on) is cut at clause boundaries. */
const MAX_UNIT = 600;
/** A piece shorter than this is a run-in heading, not a sentence. */
const RUN_IN_HEADING = 45;
/** How much of a list's lead-in is indexed with each item. */
const LEAD_IN_CONTEXT = 200;

const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 450, chunkOverlap: 0, separators: ['; ', ', ', ' '], keepSeparator: true });

/**
 * Splits every section into quotable units (sentences, bullets, numbered items), the pieces retrieval
 * scores and answers quote. Each is indexed with what it is about: the section's heading path, the
 * in-answer heading above it and, for a list item, the lead-in that says what the list is.
 */
export async function chunkSections(sections: Section[]): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  for (const section of sections) {
    // WomensLaw's group headings ("... in Missouri") repeat across dozens of questions and would only
    // blur what a unit is about, so only the question is kept there.
    const context = section.docId === 'dodi' || section.kind !== 'question' ? section.path.slice(1).join(' > ') || section.title : section.title;
    const firstParagraph = section.blocks.find((block) => !block.heading && block.text.trim().length > 0)?.paragraph;
    const leadIns: Array<{ depth: number; text: string }> = [];
    let heading = '';
    let position = 0;
    for (const block of section.blocks) {
      if (block.text.trim().length === 0) continue;
      if (block.heading) {
        heading = block.text;
        continue;
      }
      while (leadIns.length > 0 && leadIns[leadIns.length - 1].depth >= block.depth) leadIns.pop();
      const lead = leadIns[leadIns.length - 1]?.text.slice(0, LEAD_IN_CONTEXT);
      for (const text of await blockPieces(section, block)) {
        chunks.push({
          id: `${section.id}#${position}`,
          sectionId: section.id,
          docId: section.docId,
          text,
          indexText: [context, heading, lead, text].filter(Boolean).join('\n'),
          position,
          locator: block.locator,
          cites: block.cites,
          depth: block.depth,
          paragraph: block.paragraph,
          leadIn: /:\s*$/.test(text),
          opening: block.paragraph === firstParagraph,
        });
        position += 1;
      }
      if (/:\s*$/.test(block.text)) leadIns.push({ depth: block.depth, text: block.text });
    }
  }
  return chunks;
}

async function blockPieces(section: Section, block: Block): Promise<string[]> {
  const split = section.docId === 'dodi' && block.depth === 0 && block.text.length > SPLIT_ABOVE ? splitSentences(block.text) : [block.text];
  // A DoDI paragraph opens with a run-in heading ("Privileged Communications."): it belongs to the sentence after it.
  const sentences: string[] = [];
  for (const sentence of split) {
    const previous = sentences[sentences.length - 1];
    if (previous !== undefined && previous.length < RUN_IN_HEADING) sentences[sentences.length - 1] = `${previous} ${sentence}`;
    else sentences.push(sentence);
  }
  const pieces: string[] = [];
  for (const sentence of sentences) {
    if (sentence.length <= MAX_UNIT) pieces.push(sentence);
    else pieces.push(...(await splitter.splitText(sentence)).map((piece) => piece.trim()));
  }
  return pieces;
}
