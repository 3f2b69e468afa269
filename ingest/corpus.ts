import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

export const sourceSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
  file: z.string().min(1),
  title: z.string().min(1),
  shortTitle: z.string().min(1),
  publisher: z.string().min(1),
  url: z.string().url(),
  asOf: isoDate.nullable(),
  asOfNote: z.string().min(1),
  jurisdiction: z.string().min(1),
  format: z.enum(['womenslaw', 'dodi']),
  supersededBy: z.string().nullable(),
  /** Points where a newer document is known to say otherwise; used for source-conflict notices. */
  knownDifferences: z
    .array(
      z.object({
        about: z.string().min(1),
        olderText: z.string().min(1),
        currentSays: z.string().min(1),
        currentSectionIds: z.array(z.string().min(1)).min(1),
      }),
    )
    .default([]),
});
export type Source = z.infer<typeof sourceSchema>;

const sourcesFileSchema = z
  .object({ documents: z.array(sourceSchema).min(1) })
  .superRefine((value, context) => {
    const ids = new Set(value.documents.map((document) => document.id));
    value.documents.forEach((document, index) => {
      if (document.supersededBy && !ids.has(document.supersededBy)) {
        context.addIssue({ code: 'custom', path: ['documents', index, 'supersededBy'], message: `names "${document.supersededBy}", which is not a document id` });
      }
    });
  });

export const hotlineSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  fits: z.array(z.enum(['emergency', 'default', 'domestic_violence', 'missouri', 'military', 'sexual_assault', 'sexual_assault_military', 'teen', 'native', 'self_harm', 'legal'])).min(1),
  when: z.string().min(1),
  phone: z.string().nullable(),
  tty: z.string().optional(),
  text: z.string().nullable(),
  chat: z.string().nullable(),
  url: z.string().url().nullable(),
  source: z.string().min(1),
  checked: isoDate,
});
export type Hotline = z.infer<typeof hotlineSchema>;
export type HotlineFit = Hotline['fits'][number];

const hotlinesFileSchema = z.object({ checked: isoDate, hotlines: z.array(hotlineSchema).min(1) });

/** Raised when a corpus file is missing, empty or invalid; the message names the file and the field. */
export class CorpusError extends Error {}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CorpusError(`${path}: cannot read the file; it must exist in the corpus folder`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CorpusError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

/** Turns zod issues into "file: documents[1] (id "mo").url: must be a URL" lines. */
function describeIssues(path: string, error: z.ZodError, entries: Array<{ id?: unknown }> | undefined, listKey: string): string {
  return error.issues
    .map((issue) => {
      const [first, index, ...rest] = issue.path;
      if (first === listKey && typeof index === 'number') {
        const id = entries?.[index]?.id;
        const name = typeof id === 'string' ? ` (id "${id}")` : '';
        return `${path}: ${listKey}[${index}]${name}.${rest.join('.') || '(entry)'}: ${issue.message}`;
      }
      return `${path}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`;
    })
    .join('\n');
}

/** Loads and validates corpus/sources.json. */
export function loadSources(corpusDir: string): Source[] {
  const path = join(corpusDir, 'sources.json');
  const raw = readJson(path) as { documents?: Array<{ id?: unknown }> };
  const parsed = sourcesFileSchema.safeParse(raw);
  if (!parsed.success) throw new CorpusError(describeIssues(path, parsed.error, raw?.documents, 'documents'));
  return parsed.data.documents;
}

/** Loads and validates corpus/hotlines.json. */
export function loadHotlines(corpusDir: string): Hotline[] {
  const path = join(corpusDir, 'hotlines.json');
  const raw = readJson(path) as { hotlines?: Array<{ id?: unknown }> };
  const parsed = hotlinesFileSchema.safeParse(raw);
  if (!parsed.success) throw new CorpusError(describeIssues(path, parsed.error, raw?.hotlines, 'hotlines'));
  return parsed.data.hotlines;
}

/** Reads one source document's text; a missing or empty file is a CorpusError naming it. */
export function readDocument(corpusDir: string, source: Source): string {
  const path = join(corpusDir, source.file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CorpusError(`${path}: cannot read document "${source.id}"; the file named in sources.json must exist`);
  }
  if (text.trim().length === 0) throw new CorpusError(`${path}: document "${source.id}" is empty`);
  return text;
}
