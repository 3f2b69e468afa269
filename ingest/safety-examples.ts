import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CorpusError } from './corpus.js';

/** The five things a message can tell us about safety, from most to least urgent. */
export const SAFETY_LEVELS = ['danger_now', 'self_harm', 'fear', 'disclosure', 'none'] as const;
/** One of SAFETY_LEVELS. */
export type SafetyLevel = (typeof SAFETY_LEVELS)[number];

/** One labelled example line of corpus/safety-examples.jsonl. */
export const safetyExampleSchema = z.strictObject({
  text: z.string().trim().min(1, 'must not be empty'),
  level: z.enum(SAFETY_LEVELS),
  // The test split is written before tuning and never used to choose anything; dev is for tuning.
  split: z.enum(['dev', 'test']),
  note: z.string().optional(),
});
/** A parsed example. */
export type SafetyExample = z.infer<typeof safetyExampleSchema>;

/** The file name inside the corpus folder. */
export const SAFETY_EXAMPLES_FILE = 'safety-examples.jsonl';

/** Parses JSONL text; every problem names the file and the line so a content editor can fix it. */
export function parseSafetyExamples(text: string, path = SAFETY_EXAMPLES_FILE): SafetyExample[] {
  const examples: SafetyExample[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  text.split('\n').forEach((line, index) => {
    const lineNumber = index + 1;
    if (line.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      problems.push(`${path}:${lineNumber}: not valid JSON (${(error as Error).message})`);
      return;
    }
    const parsed = safetyExampleSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${path}:${lineNumber}: ${issue.path.join('.') || '(line)'}: ${issue.message}`);
      return;
    }
    // The same text twice (perhaps in both splits) would leak test answers into tuning.
    const key = parsed.data.text.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) problems.push(`${path}:${lineNumber}: text repeats line ${first}`);
    else seen.set(key, lineNumber);
    examples.push(parsed.data);
  });
  if (problems.length > 0) throw new CorpusError(problems.join('\n'));
  if (examples.length === 0) throw new CorpusError(`${path}: holds no examples`);
  return examples;
}

/** Loads and validates corpus/safety-examples.jsonl. */
export function loadSafetyExamples(corpusDir: string): SafetyExample[] {
  const path = join(corpusDir, SAFETY_EXAMPLES_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CorpusError(`${path}: cannot read the file; it must exist in the corpus folder`);
  }
  return parseSafetyExamples(text, path);
}
