import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CorpusError } from './corpus.js';
import type { Chunk, Section } from './types.js';

/**
 * One curated way of asking about a point of a section (corpus/questions/*.jsonl). Retrieval matches a
 * person's question against these as well as against the passages; `point` names the unit that answers.
 */
export interface ExampleQuestion {
  sectionId: string;
  docId: string;
  text: string;
  /** Position of the answering unit within its section, when the record names one. */
  point?: number;
}

const recordSchema = z.object({
  sectionId: z.string().min(1),
  point: z.string().min(12, 'must quote at least the opening words of the answering sentence').optional(),
  questions: z.array(z.string().trim().min(3).max(400)).min(1),
});

/** What a maintainer must look at after an edit: questions whose section vanished or whose point moved. */
export interface QuestionReview {
  vanished: Array<{ file: string; line: number; sectionId: string }>;
  pointNotFound: Array<{ file: string; line: number; sectionId: string; point: string }>;
}

export const QUESTIONS_DIR = 'questions';

/** Questions about other subjects, one JSON object per line, in the corpus folder. */
export const OFF_TOPIC_FILE = 'off-topic-questions.jsonl';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

const offTopicSchema = z.object({ question: z.string().trim().min(2).max(400), topic: z.string().min(1) });

/**
 * Questions about other subjects altogether (corpus/off-topic-questions.jsonl): the judge compares how
 * close a question comes to these with how close it comes to the example questions, which cancels what
 * the encoder finds alike in any "how do I ...?".
 */
export function readOffTopicQuestions(corpusDir: string): string[] {
  const path = join(corpusDir, OFF_TOPIC_FILE);
  if (!existsSync(path)) return [];
  const questions: string[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, index) => {
      const text = raw.trim();
      if (!text || text.startsWith('//')) return;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new CorpusError(`off-topic-questions.jsonl:${index + 1}: not valid JSON (${(error as Error).message})`);
      }
      const parsed = offTopicSchema.safeParse(json);
      if (!parsed.success) throw new CorpusError(`off-topic-questions.jsonl:${index + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`).join('; ')}`);
      questions.push(parsed.data.question);
    });
  return [...new Set(questions)];
}

/** Reads every corpus/questions/*.jsonl record (malformed lines are errors naming file and line). */
export function readQuestionRecords(corpusDir: string): Array<z.infer<typeof recordSchema> & { file: string; line: number }> {
  const dir = join(corpusDir, QUESTIONS_DIR);
  if (!existsSync(dir)) return [];
  const records: Array<z.infer<typeof recordSchema> & { file: string; line: number }> = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort()) {
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((raw, index) => {
        const text = raw.trim();
        if (!text || text.startsWith('//')) return;
        const where = `${join(QUESTIONS_DIR, file)}:${index + 1}`;
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch (error) {
          throw new CorpusError(`${where}: not valid JSON (${(error as Error).message})`);
        }
        const parsed = recordSchema.safeParse(json);
        if (!parsed.success) throw new CorpusError(`${where}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`).join('; ')}`);
        records.push({ ...parsed.data, file: join(QUESTIONS_DIR, file), line: index + 1 });
      });
  }
  return records;
}

/**
 * Resolves example questions against the parsed sections and their units: an unknown section id or a
 * point no longer found is reported for review (the question is dropped, or kept without its point).
 */
export function resolveExampleQuestions(options: { corpusDir: string; sections: Section[]; chunks: Chunk[] }): { questions: ExampleQuestion[]; review: QuestionReview } {
  const sectionById = new Map(options.sections.map((section) => [section.id, section]));
  const unitsBySection = new Map<string, Chunk[]>();
  for (const chunk of options.chunks) unitsBySection.set(chunk.sectionId, [...(unitsBySection.get(chunk.sectionId) ?? []), chunk]);
  const review: QuestionReview = { vanished: [], pointNotFound: [] };
  const questions: ExampleQuestion[] = [];
  const seen = new Set<string>();
  for (const record of readQuestionRecords(options.corpusDir)) {
    const section = sectionById.get(record.sectionId);
    if (!section) {
      review.vanished.push({ file: record.file, line: record.line, sectionId: record.sectionId });
      continue;
    }
    let point: number | undefined;
    if (record.point) {
      const wanted = squash(record.point);
      point = unitsBySection.get(section.id)?.find((unit) => squash(unit.text).startsWith(wanted) || (wanted.length >= 40 && squash(unit.text).includes(wanted)))?.position;
      if (point === undefined) review.pointNotFound.push({ file: record.file, line: record.line, sectionId: section.id, point: record.point });
    }
    for (const text of record.questions) {
      const key = `${section.id}|${squash(text)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      questions.push({ sectionId: section.id, docId: section.docId, text, point });
    }
  }
  return { questions, review };
}
