import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { chatMessageSchema, chatStatusSchema } from '../server/contract.js';
import { EvalInputError } from './input-error.js';

export const caseKindSchema = z.enum(['answerable', 'follow_up', 'not_found', 'out_of_scope', 'emergency', 'conflict']);
export type CaseKind = z.infer<typeof caseKindSchema>;

/** Dev cases may be tuned on; test cases are written before tuning and only measure. */
export const splitSchema = z.enum(['dev', 'test']);
export type Split = z.infer<typeof splitSchema>;

export const evalCaseSchema = z
  .object({
    /** Set by the loader from the file the case came from (cases-test.jsonl is the test split). */
    split: splitSchema.default('dev'),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
    kind: caseKindSchema,
    persona: z.enum(['survivor', 'staff']),
    messages: z.array(chatMessageSchema).min(1),
    expect: z.object({
      status: chatStatusSchema,
      sections: z.array(z.string().min(1)).max(4),
      facts: z.array(z.string().min(1)).max(4),
      hotlines: z.array(z.string().min(1)),
      notice: z.enum(['source_conflict']).nullable(),
      /** Verbatim passages (a sentence or list item) that answer the question; a citation should quote one. */
      support: z.array(z.string().min(10)).max(4).optional(),
    }),
  })
  .superRefine((value, context) => {
    const issue = (message: string) => context.addIssue({ code: 'custom', message });
    if (value.messages[value.messages.length - 1].role !== 'user') issue('the last message must come from the user');
    const answered = value.expect.status === 'answered';
    if (answered && value.expect.sections.length === 0) issue('an answered case needs at least one expected section');
    if (answered && value.expect.facts.length === 0) issue('an answered case needs at least one expected fact');
    if (!answered && value.expect.hotlines.length === 0) issue('a case that is not answered needs the hotlines that must appear');
    if (value.expect.status === 'emergency' && !value.expect.hotlines.includes('emergency')) issue('an emergency case must expect the "emergency" hotline');
    if (value.kind === 'follow_up' && value.messages.length < 3) issue('a follow_up case needs earlier user and assistant turns');
    if (value.kind === 'conflict' && value.expect.notice !== 'source_conflict') issue('a conflict case must expect the source_conflict notice');
    if (value.kind !== 'conflict' && value.expect.notice !== null) issue('only conflict cases expect a notice');
    const statusByKind: Partial<Record<CaseKind, string>> = { not_found: 'not_found', out_of_scope: 'out_of_scope', emergency: 'emergency', answerable: 'answered', follow_up: 'answered', conflict: 'answered' };
    if (statusByKind[value.kind] !== value.expect.status) issue(`a ${value.kind} case must expect status "${statusByKind[value.kind]}"`);
  });
export type EvalCase = z.infer<typeof evalCaseSchema>;

/** Raised for a case file that cannot be read or has a bad line; the message names the line. */
export class CaseFileError extends EvalInputError {}

/** The split a case file holds: a file whose name says "test" is the held-out test split. */
export function splitOfFile(path: string): Split {
  return /test[^/]*\.jsonl$/.test(path) ? 'test' : 'dev';
}

/** Parses JSON Lines case text; blank lines and lines starting with // are skipped. */
export function parseCases(text: string, source = 'cases', split: Split = 'dev'): EvalCase[] {
  const cases: EvalCase[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((line, index) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('//')) return;
    const where = `${source}:${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      throw new CaseFileError(`${where}: not valid JSON (${(error as Error).message})`);
    }
    const parsed = evalCaseSchema.safeParse({ ...(json as object), split });
    if (!parsed.success) {
      const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'case'}: ${issue.message}`).join('; ');
      throw new CaseFileError(`${where}: ${detail}`);
    }
    if (seen.has(parsed.data.id)) throw new CaseFileError(`${where}: duplicate case id "${parsed.data.id}"`);
    seen.add(parsed.data.id);
    cases.push(parsed.data);
  });
  if (cases.length === 0) throw new CaseFileError(`${source}: holds no cases`);
  return cases;
}

/** Reads and validates a JSON Lines case file. */
export function loadCases(path: string): EvalCase[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CaseFileError(`${path}: cannot read the case file`);
  }
  return parseCases(text, path, splitOfFile(path));
}

/** Reads several case files (dev and test); an id may appear only once across them. */
export function loadCaseFiles(paths: string[]): EvalCase[] {
  const cases = paths.flatMap((path) => loadCases(path));
  const seen = new Set<string>();
  for (const evalCase of cases) {
    if (seen.has(evalCase.id)) throw new CaseFileError(`case id "${evalCase.id}" appears in more than one case file`);
    seen.add(evalCase.id);
  }
  return cases;
}

/** The document a case is mainly about: the docId of its first expected section, or "none". */
export function caseDocument(evalCase: EvalCase): string {
  return evalCase.expect.sections[0]?.split(':')[0] ?? 'none';
}
