import { createHash } from 'node:crypto';
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

/** corpus/places.json: U.S. places, and those the documents speak for. */
const placesFileSchema = z.object({ covered: z.array(z.string()), places: z.array(z.string().min(2)).min(1) });

/** corpus/synonyms.json: groups of phrases that mean the same to the people asking. */
const synonymsFileSchema = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) });

/**
 * The corpus's JSON files the server answers with besides the documents. Ingest validates each one and
 * writes it into the build; the server reads them only from the build, with these same schemas, so one
 * swap of the index changes them together with the passages.
 */
const corpusJsonSchemas = {
  'sources.json': sourcesFileSchema,
  'hotlines.json': hotlinesFileSchema,
  'places.json': placesFileSchema,
  'synonyms.json': synonymsFileSchema,
};
export type CorpusJsonName = keyof typeof corpusJsonSchemas;
export type CorpusJson = { [Name in CorpusJsonName]: z.output<(typeof corpusJsonSchemas)[Name]> };
export type Places = CorpusJson['places.json'];
export const CORPUS_JSON_FILES = Object.keys(corpusJsonSchemas) as CorpusJsonName[];

/** Raised when a corpus file is missing, empty or invalid; the message names the file and the field. */
export class CorpusError extends Error {}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new CorpusError(`${path}: cannot read the file; it must exist in the corpus folder`);
  }
}

/** Turns zod issues into "file: documents[1] (id "mo").url: must be a URL" lines. */
function describeIssues(path: string, error: z.ZodError, raw: unknown): string {
  return error.issues
    .map((issue) => {
      const [first, index, ...rest] = issue.path;
      const entries = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[String(first)] : undefined;
      if (Array.isArray(entries) && typeof index === 'number') {
        const id = (entries[index] as { id?: unknown } | undefined)?.id;
        const name = typeof id === 'string' ? ` (id "${id}")` : '';
        return `${path}: ${String(first)}[${index}]${name}.${rest.join('.') || '(entry)'}: ${issue.message}`;
      }
      return `${path}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`;
    })
    .join('\n');
}

/** Validates one of CORPUS_JSON_FILES (from the corpus, or a build's copy); a problem is a CorpusError naming the file and the field. */
export function parseCorpusJson<Name extends CorpusJsonName>(name: Name, text: string, path: string): CorpusJson[Name] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CorpusError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = corpusJsonSchemas[name].safeParse(raw);
  if (!parsed.success) throw new CorpusError(describeIssues(path, parsed.error, raw));
  return parsed.data as CorpusJson[Name];
}

/** Reads and validates one of CORPUS_JSON_FILES from the corpus folder, with the sha256 of the bytes it read. */
function readCorpusJson<Name extends CorpusJsonName>(corpusDir: string, name: Name): { value: CorpusJson[Name]; sha256: string } {
  const path = join(corpusDir, name);
  const text = readText(path);
  return { value: parseCorpusJson(name, text, path), sha256: createHash('sha256').update(text).digest('hex') };
}

/** Reads and validates all of CORPUS_JSON_FILES, with the sha256 of each as read. */
export function loadCorpusJson(corpusDir: string): { corpusJson: CorpusJson; jsonFiles: Record<CorpusJsonName, string> } {
  const read = CORPUS_JSON_FILES.map((name) => [name, readCorpusJson(corpusDir, name)] as const);
  return {
    corpusJson: Object.fromEntries(read.map(([name, file]) => [name, file.value])) as CorpusJson,
    jsonFiles: Object.fromEntries(read.map(([name, file]) => [name, file.sha256])) as Record<CorpusJsonName, string>,
  };
}

/** Loads and validates corpus/sources.json. */
export function loadSources(corpusDir: string): Source[] {
  return readCorpusJson(corpusDir, 'sources.json').value.documents;
}

/** Loads and validates corpus/hotlines.json. */
export function loadHotlines(corpusDir: string): Hotline[] {
  return readCorpusJson(corpusDir, 'hotlines.json').value.hotlines;
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
