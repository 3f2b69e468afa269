import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatResponseSchema, type ChatMessage, type ChatResponse } from '../contract.js';
import type { Runtime } from '../runtime.js';
import { startFakeOpenAi, type ChatBehaviour, type FakeOpenAi, type FakePrompt } from '../testing/fake-openai.js';
import { createTestApp, createTestRuntimeWith, getTestRuntime } from '../testing/test-runtime.js';
import { answerChat, runChat } from '../pipeline/answer-chat.js';
import { llmInputs } from '../pipeline/llm-inputs.js';
import { tryLlmAnswer } from './llm-answer.js';
import type { LlmFallbackReason } from './llm-types.js';
import { sectionUnits } from './units.js';

const TIMEOUT_MS = 800;
/** Retrieval, the encoder and the HTTP round trip on a busy 2-core machine. */
const MARGIN_MS = 1_500;
const DURATION = 'how long does a full order of protection last in missouri?';
const TRANSFER = 'does my MPO end when he transfers to a new command?';

let fake: FakeOpenAi;
let runtime: Runtime;
let extractive: Runtime;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  extractive = await getTestRuntime();
  runtime = await createTestRuntimeWith({
    LUMEN_LLM_BASE_URL: `${fake.url}/v1`,
    LUMEN_LLM_MODEL: 'fake',
    LUMEN_LLM_API_KEY: 'test',
    LUMEN_LLM_TIMEOUT_MS: String(TIMEOUT_MS),
  });
});

afterAll(async () => {
  await fake?.close();
});

const user = (content: string): ChatMessage[] => [{ role: 'user', content }];

async function ask(behaviour: ChatBehaviour, messages: ChatMessage[] = user(DURATION)): Promise<ChatResponse> {
  fake.chat = behaviour;
  const before = fake.counts.chat;
  const response = await answerChat(runtime, { messages });
  expect(fake.counts.chat).toBe(before + 1);
  return response;
}

/** The public contract: every [n] names a citation, every citation is used, numbered 1..k. */
function expectWellCited(response: ChatResponse): void {
  expect(response.status).toBe('answered');
  const used = new Set([...response.answer.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1])));
  expect(response.citations.length).toBeGreaterThan(0);
  expect(response.citations.map((citation) => citation.n)).toEqual(response.citations.map((_, index) => index + 1));
  expect([...used].sort((left, right) => left - right)).toEqual(response.citations.map((citation) => citation.n));
}

/** Each quote is made of real sentences of the cited section, as the model was shown them. */
function expectRealQuotes(response: ChatResponse): void {
  const shown = new Set(fake.lastPrompt!.passages.map((passage) => passage.text));
  for (const citation of response.citations) {
    const section = runtime.snapshot.search.sectionById.get(citation.sectionId)!;
    const units = sectionUnits(section).map((unit) => unit.text);
    for (const piece of citation.quote.split(' ... ')) {
      expect(units).toContain(piece);
      expect(shown.has(piece)).toBe(true);
    }
    const source = runtime.sourceById.get(citation.docId)!;
    expect(citation).toMatchObject({ docTitle: source.title, url: source.url, asOf: source.asOf, asOfNote: source.asOfNote, sectionPath: section.path });
    expect(citation.locator.startsWith(source.shortTitle)).toBe(true);
  }
}

/** The pipeline's extractive run (LLM off) and the inputs it hands the LLM composer. */
async function extractiveRun(messages: ChatMessage[]) {
  const run = await runChat({ ...runtime, config: { ...runtime.config, llm: undefined } }, { messages });
  return { question: run.plan!.latest, ...llmInputs(run.candidates!, run.evidence!, runtime.sourceById) };
}

/** Runs tryLlmAnswer on the same inputs answerChat would give it, to see why it fell back. */
async function fallbackReason(behaviour: ChatBehaviour, messages: ChatMessage[] = user(DURATION)): Promise<LlmFallbackReason | 'accepted'> {
  fake.chat = behaviour;
  const { question, retrieved, composed } = await extractiveRun(messages);
  let reason: LlmFallbackReason | undefined;
  const answer = await tryLlmAnswer({ runtime, messages, question, retrieved, composed, onFallback: (code) => (reason = code) });
  return answer ? 'accepted' : reason!;
}

describe('LLM mode with a well-behaved model', () => {
  it('accepts a checked answer: composer llm, cited, quoting the passages it was shown', async () => {
    const response = await ask('good');
    expect(response.composer).toBe('llm');
    expectWellCited(response);
    expectRealQuotes(response);
    expect(response.answer).toMatch(/ \[1\]$/);
    expect(response.disclaimer).toContain('legal information, not legal advice');
  });

  it('renumbers citations in order of first use', async () => {
    const response = await ask('good-multi');
    expect(response.composer).toBe('llm');
    expectWellCited(response);
    expectRealQuotes(response);
    const passages = fake.lastPrompt!.passages;
    expect(response.answer.split('\n').map((line) => line.match(/\[(\d+)\]$/)?.[1])).toEqual(['1', '2']);
    expect(response.citations[0].quote).toBe(passages[passages.length - 1].text);
    expect(response.citations[1].quote).toBe(passages[0].text);
  });

  it('shows the model numbered passages with locators, the rules, and earlier turns without their markers', async () => {
    await ask('good', [
      { role: 'user', content: 'what is an ex parte order in missouri?' },
      { role: 'assistant', content: 'An ex parte order is a temporary order. [1]' },
      { role: 'user', content: 'and how long does it last?' },
    ]);
    const prompt = fake.lastPrompt!;
    expect(prompt.system).toMatch(/ONLY the numbered passages/);
    expect(prompt.system).toMatch(/not legal advice/);
    expect(prompt.passages.map((passage) => passage.n)).toEqual(prompt.passages.map((_, index) => index + 1));
    expect(prompt.passages.length).toBeGreaterThan(0);
    expect(prompt.passages.length).toBeLessThanOrEqual(12);
    for (const passage of prompt.passages) expect(passage.locator).toMatch(/^(WomensLaw|DoDI)/);
    const history = prompt.user.slice(prompt.user.indexOf('Earlier in the conversation'), prompt.user.indexOf('Question:'));
    expect(history).toContain('Person: what is an ex parte order in missouri?');
    expect(history).toContain('Assistant: An ex parte order is a temporary order.');
    expect(history).not.toMatch(/\[\d+\]/);
    expect(prompt.user.trim().endsWith('Question: and how long does it last?')).toBe(true);
  });

  it('keeps the extractive answer when the model quotes a superseded source but not the current rule beside it', async () => {
    // Quote the first passage of each named document, citing it by the number the model was shown.
    const quoteFirstOf = (prefixes: string[]) => ({
      reply: (prompt: FakePrompt) =>
        prefixes
          .map((prefix) => prompt.passages.find((passage) => passage.locator.startsWith(prefix))!)
          .map((passage) => `${passage.text} [${passage.n}]`)
          .join('\n'),
    });
    expect(await fallbackReason(quoteFirstOf(['WomensLaw MPO']), user(TRANSFER))).toBe('current_rule_missing');
    const both = quoteFirstOf(['WomensLaw MPO', 'DoDI']);
    const response = await ask(both, user(TRANSFER));
    expect(response.composer).toBe('llm');
    expectWellCited(response);
    expect(response.citations.map((citation) => citation.docId)).toEqual(['mpo', 'dodi']);
  });
});

describe('LLM mode falls back to the extractive answer', () => {
  const cases: Array<[ChatBehaviour, LlmFallbackReason]> = [
    ['bad-citation', 'unknown_passage'],
    ['unsupported', 'unsupported'],
    ['wrong-number', 'number_not_in_passage'],
    ['no-citations', 'uncited_sentence'],
    ['empty', 'empty'],
    ['garbage', 'error'],
    ['malformed', 'error'],
    ['error', 'error'],
  ];

  it.each(cases)('when the model misbehaves (%s)', async (behaviour, reason) => {
    const baseline = await answerChat(extractive, { messages: user(DURATION) });
    const response = await ask(behaviour);
    expect(response.composer).toBe('extractive');
    expectWellCited(response);
    expect(response.answer).toBe(baseline.answer);
    expect(response.citations).toEqual(baseline.citations);
    expect(await fallbackReason(behaviour)).toBe(reason);
  });

  it.each(['slow', 'trickle'] as const)('within the timeout when the model is too slow (%s)', async (behaviour) => {
    const started = Date.now();
    const response = await ask(behaviour);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    expect(response.composer).toBe('extractive');
    expectWellCited(response);
    expect(await fallbackReason(behaviour)).toBe('timeout');
  });

  it('within the timeout even when an injected composer ignores its abort signal', async () => {
    const { question, retrieved, composed } = await extractiveRun(user(DURATION));
    const reasons: LlmFallbackReason[] = [];
    const started = Date.now();
    const hanging = { compose: () => new Promise<string>(() => {}) };
    const answer = await tryLlmAnswer({ runtime, messages: user(DURATION), question, retrieved, composed, composer: hanging, onFallback: (code) => reasons.push(code) });
    expect(answer).toBeUndefined();
    expect(reasons).toEqual(['timeout']);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 500);
  });

  it('without calling any model when LLM mode is not configured', async () => {
    fake.chat = 'good';
    const before = fake.counts.chat;
    const response = await answerChat(extractive, { messages: user(DURATION) });
    expect(response.composer).toBe('extractive');
    expect(fake.counts.chat).toBe(before);
  });
});

describe('LLM mode over HTTP', () => {
  const post = async (messages: ChatMessage[]) => {
    const app = await createTestApp({ runtime });
    return app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages }) });
  };

  it('answers POST /api/chat with the checked LLM answer in the public shape', async () => {
    fake.chat = 'good';
    const response = await post(user(DURATION));
    expect(response.status).toBe(200);
    const body = chatResponseSchema.parse(await response.json());
    expect(body.composer).toBe('llm');
    expectWellCited(body);
  });

  it('answers 200 with the extractive answer when the model sends garbage, and within the timeout when it stalls', async () => {
    fake.chat = 'garbage';
    const garbage = chatResponseSchema.parse(await (await post(user(DURATION))).json());
    expect(garbage.composer).toBe('extractive');
    expectWellCited(garbage);
    fake.chat = 'slow';
    const started = Date.now();
    const slow = await post(user(DURATION));
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    expect(slow.status).toBe(200);
    expect(chatResponseSchema.parse(await slow.json()).composer).toBe('extractive');
  });
});
