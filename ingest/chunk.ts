import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { Chunk, Section } from './types.js';

export const CHUNK_SIZE = 450;
export const CHUNK_OVERLAP = 90;

/** Splits each section on its own (never across two sections); each chunk carries its section's id and path. */
export async function chunkSections(sections: Section[]): Promise<Chunk[]> {
  const splitter = new RecursiveCharacterTextSplitter({
    chunkSize: CHUNK_SIZE,
    chunkOverlap: CHUNK_OVERLAP,
    separators: ['\n\n', '\n', '. ', '; ', ', ', ' ', ''],
  });
  const chunks: Chunk[] = [];
  for (const section of sections) {
    const pieces = await splitter.splitText(section.text);
    // The heading a chunk sits under says what it is about; WomensLaw's group headings ("... in Missouri")
    // repeat across dozens of questions and would only blur that, so only the question is kept there.
    const context = section.docId === 'dodi' || section.kind !== 'question' ? section.path.slice(1).join(' > ') || section.title : section.title;
    pieces.forEach((text, index) => {
      chunks.push({
        id: `${section.id}#${index}`,
        sectionId: section.id,
        docId: section.docId,
        text,
        indexText: `${context}\n${text}`,
      });
    });
  }
  return chunks;
}
