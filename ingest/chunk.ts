import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { Chunk, Section } from './types.js';

export const CHUNK_SIZE = 700;
export const CHUNK_OVERLAP = 120;

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
    const context = section.path.slice(-3).join(' > ');
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
