import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../ingest/config.js';
import { readQuestionRecords } from '../ingest/example-questions.js';
import { UseEmbeddings } from '../ingest/embedders/use-embeddings.js';
import { loadCaseFiles } from './case-schema.js';

/**
 * The curated example questions (corpus/questions/) are retrieval keys; an eval case that repeats one
 * would measure recall of our own content, not how the assistant does on a new question. So no eval
 * question may share a run of 8 words with an example question, nor be nearly the same in meaning.
 */
const RUN = 8;
const MAX_COSINE = 0.9;

const words = (text: string) => text.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[a-z0-9']+/g) ?? [];
const runs = (text: string) => {
  const tokens = words(text);
  const result = new Set<string>();
  for (let start = 0; start + RUN <= tokens.length; start++) result.add(tokens.slice(start, start + RUN).join(' '));
  return result;
};

const cases = loadCaseFiles([join(PROJECT_ROOT, 'evals/cases-dev.jsonl'), join(PROJECT_ROOT, 'evals/cases-test.jsonl')]);
const evalQuestions = cases.flatMap((evalCase) => evalCase.messages.filter((message) => message.role === 'user').map((message) => ({ id: evalCase.id, text: message.content })));
const examples = readQuestionRecords(join(PROJECT_ROOT, 'corpus')).flatMap((record) => record.questions.map((text) => ({ where: `${record.file}:${record.line}`, text })));

describe('eval cases are not contaminated by the example questions', () => {
  it('has example questions and eval questions to compare', () => {
    expect(examples.length).toBeGreaterThan(500);
    expect(evalQuestions.length).toBeGreaterThan(300);
  });

  it(`no eval question shares a run of ${RUN} words with an example question`, () => {
    const byRun = new Map<string, string>();
    for (const example of examples) for (const run of runs(example.text)) byRun.set(run, `${example.where} "${example.text}"`);
    const clashes = evalQuestions.flatMap((question) => [...runs(question.text)].filter((run) => byRun.has(run)).map((run) => `${question.id} and ${byRun.get(run)} share "${run}"`));
    expect(clashes).toEqual([]);
  });

  describe('in meaning', () => {
    let vectors: { evals: number[][]; examples: number[][] };
    beforeAll(async () => {
      const encoder = new UseEmbeddings();
      vectors = { evals: await encoder.embedDocuments(evalQuestions.map((question) => question.text)), examples: await encoder.embedDocuments(examples.map((example) => example.text)) };
    });

    it(`no eval question has cosine >= ${MAX_COSINE} to an example question`, () => {
      const unit = (vector: number[]) => {
        const norm = Math.hypot(...vector) || 1;
        return vector.map((value) => value / norm);
      };
      const examplesUnit = vectors.examples.map(unit);
      const clashes: string[] = [];
      vectors.evals.map(unit).forEach((vector, index) => {
        examplesUnit.forEach((other, position) => {
          const cosine = vector.reduce((sum, value, dimension) => sum + value * other[dimension], 0);
          if (cosine >= MAX_COSINE) clashes.push(`${evalQuestions[index].id} "${evalQuestions[index].text}" ~ ${examples[position].where} "${examples[position].text}" (${cosine.toFixed(3)})`);
        });
      });
      expect(clashes).toEqual([]);
    });
  });
});
