import { createHash } from 'node:crypto';
import type { Source } from './corpus.js';
import { CorpusError } from './corpus.js';
import { parseDodi } from './parse-dodi.js';
import { parseWomensLaw } from './parse-womenslaw.js';
import type { ParsedDocument } from './types.js';

/** Parses one document by its declared format; a document that yields no sections is an error naming the file. */
export function parseDocument(source: Source, text: string): ParsedDocument {
  let parsed: ParsedDocument;
  try {
    parsed = source.format === 'dodi' ? parseDodi(text, source.id) : parseWomensLaw(text, source.id);
  } catch (error) {
    throw new CorpusError(`${source.file}: cannot parse document "${source.id}" as ${source.format}: ${(error as Error).message}`);
  }
  if (parsed.sections.length === 0) {
    throw new CorpusError(`${source.file}: document "${source.id}" yielded no sections; is it the right file for format "${source.format}"?`);
  }
  const seen = new Set<string>();
  for (const section of parsed.sections) {
    // Two headings that slug alike would share an id; number the later one so every id stays unique.
    let id = section.id;
    for (let suffix = 2; seen.has(id); suffix++) id = `${section.id}~${suffix}`;
    section.id = id;
    seen.add(id);
  }
  return parsed;
}

/** Content hash used for change detection and the embedding cache. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
