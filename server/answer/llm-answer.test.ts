import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatResponseSchema, type ChatMessage, type ChatResponse } from '../contract.js';
import type { Runtime } from '../runtime.js';
import { FAITHFUL, PASSAGES, UNFAITHFUL, type PassageKey } from '../testing/faithfulness-table.js';
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
    const source = runtime.snapshot.sourceById.get(citation.docId)!;
    expect(citation).toMatchObject({ docTitle: source.title, url: source.url, asOf: source.asOf, asOfNote: source.asOfNote, sectionPath: section.path });
    expect(citation.locator.startsWith(source.shortTitle)).toBe(true);
  }
}

/** The pipeline's extractive run (LLM off) and the inputs it hands the LLM composer. */
async function extractiveRun(messages: ChatMessage[]) {
  const run = await runChat({ ...runtime, config: { ...runtime.config, llm: undefined } }, { messages });
  return { question: run.plan!.latest, ...llmInputs(run.candidates!, run.evidence!, runtime.snapshot.sourceById) };
}

/** Runs tryLlmAnswer on the same inputs answerChat would give it, to see why it fell back. */
async function fallbackReason(behaviour: ChatBehaviour, messages: ChatMessage[] = user(DURATION)): Promise<LlmFallbackReason | 'accepted'> {
  fake.chat = behaviour;
  const { question, retrieved, composed } = await extractiveRun(messages);
  let reason: LlmFallbackReason | undefined;
  const answer = await tryLlmAnswer({ runtime, snapshot: runtime.snapshot, messages, question, retrieved, composed, onFallback: (code) => (reason = code) });
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

  it('shows the model numbered passages with locators and the rules', async () => {
    await ask('good');
    const prompt = fake.lastPrompt!;
    expect(prompt.system).toMatch(/ONLY the numbered passages/);
    expect(prompt.system).toMatch(/not legal advice/);
    expect(prompt.passages.map((passage) => passage.n)).toEqual(prompt.passages.map((_, index) => index + 1));
    expect(prompt.passages.length).toBeGreaterThan(0);
    expect(prompt.passages.length).toBeLessThanOrEqual(12);
    for (const passage of prompt.passages) expect(passage.locator).toMatch(/^(WomensLaw|DoDI)/);
    expect(prompt.user.trim().endsWith(`Question: ${DURATION}`)).toBe(true);
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
    const answer = await tryLlmAnswer({ runtime, snapshot: runtime.snapshot, messages: user(DURATION), question, retrieved, composed, composer: hanging, onFallback: (code) => reasons.push(code) });
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

describe('what leaves the server for the LLM', () => {
  // Words no passage holds, so any trace of them in the request is a leak.
  const EARLIER = 'My husband Darnell Quixby hit me outside 4417 Larkspur Lane, what is an ex parte order in missouri?';
  const ANSWERED = 'Zanzibar: an ex parte order keeps the abuser away from the xylophone museum. [1]';
  const LATEST = 'and how long does it last?';

  it('is the system rules, the numbered passages and one question our code wrote: never earlier turns or our answers', async () => {
    await ask('good', [
      { role: 'user', content: EARLIER },
      { role: 'assistant', content: ANSWERED },
      { role: 'user', content: LATEST },
    ]);
    const body = JSON.parse(fake.lastBody!) as { messages: Array<{ role: string; content: string }> };
    expect(body.messages.map((message) => message.role)).toEqual(['system', 'user']);
    const [system, userMessage] = body.messages.map((message) => message.content);
    expect(system).toBe(fake.lastPrompt!.system);
    // The user message is exactly: a "Passages:" header, one "[n] (locator) text" line per passage, one question.
    const lines = userMessage.split('\n').filter((line) => line.length > 0);
    expect(lines[0]).toBe('Passages:');
    expect(lines.slice(1, -1)).toEqual(fake.lastPrompt!.passages.map((passage) => `[${passage.n}] (${passage.locator}) ${passage.text}`));
    const question = lines[lines.length - 1];
    // The follow-up is completed with words of the earlier question that the passages hold, and only those.
    // The completion is the earlier question's words that the passages use; which of them depends on the passages.
    expect(question).toMatch(new RegExp(`^Question: ${LATEST.replace(/[?]/g, '\\?')} \\(a follow-up to a question about: ex parte order( missouri)?\\)$`));
    for (const leaked of ['Darnell', 'Quixby', '4417', 'Larkspur', 'husband', 'hit me', 'Zanzibar', 'xylophone', 'Person:', 'Assistant:', 'Earlier in the conversation']) {
      expect(fake.lastBody!).not.toContain(leaked);
    }
  });

  it('sends a question that needs no earlier turn as typed, and nothing of the turns before it', async () => {
    await ask('good', [
      { role: 'user', content: EARLIER },
      { role: 'assistant', content: ANSWERED },
      { role: 'user', content: DURATION },
    ]);
    const body = JSON.parse(fake.lastBody!) as { messages: Array<{ role: string; content: string }> };
    expect(body.messages[1].content.endsWith(`\n\nQuestion: ${DURATION}`)).toBe(true);
    for (const leaked of ['Darnell', 'Quixby', 'Larkspur', 'Zanzibar', 'follow-up']) expect(fake.lastBody!).not.toContain(leaked);
  });
});

describe('a lying model never reaches the person', () => {
  /** Questions whose retrieved passages include the table's passages, so the fake can lie about what it was shown. */
  const QUESTIONS = [
    DURATION,
    TRANSFER,
    'when does the abuser have to be served before the hearing?',
    'does it cost money to file for an order of protection?',
    'how long do police have to put the order into MULES?',
  ];
  /** Cites each named passage by the number the model was shown it under; undefined when one was not shown. */
  const markersFor = (prompt: FakePrompt, keys: PassageKey[]) => {
    const numbers = keys.map((key) => prompt.passages.find((passage) => passage.text === PASSAGES[key])?.n);
    return numbers.every((n) => n !== undefined) ? numbers.map((n) => `[${n}]`).join('') : undefined;
  };

  it('serves the extractive answer, never the lie, for every kind of lie about passages it was shown', async () => {
    const told = new Set<string>();
    let lies = 0;
    for (const question of QUESTIONS) {
      const baseline = await answerChat(extractive, { messages: user(question) });
      for (const row of UNFAITHFUL) {
        let shown = true;
        // A true first sentence, then the lie: one unfaithful sentence must sink the whole answer.
        const response = await ask({
          reply: (prompt) => {
            const markers = markersFor(prompt, row.cites);
            shown = markers !== undefined;
            return `${prompt.passages[0].text} [1]\n${row.sentence} ${markers ?? '[1]'}`;
          },
        }, user(question));
        if (!shown) continue;
        told.add(row.kind);
        lies++;
        expect(response.composer, row.sentence).toBe('extractive');
        expect(response.answer).toBe(baseline.answer);
        // Whole, with its full stop: a dropped condition is the start of a true sentence.
        expect(response.answer).not.toContain(row.sentence);
        expectWellCited(response);
      }
    }
    expect([...told].sort()).toEqual(['condition', 'invented', 'modality', 'negation', 'number', 'quantifier', 'role', 'time']);
    console.info(`lies told end to end: ${lies}, all answered with the extractive answer`);
    expect(lies).toBeGreaterThanOrEqual(60);
  }, 120_000);

  it('still serves a faithful paraphrase of what it was shown', async () => {
    let served = 0;
    for (const question of QUESTIONS) {
      for (const row of FAITHFUL) {
        let shown = true;
        const response = await ask({
          reply: (prompt) => {
            const markers = markersFor(prompt, row.cites);
            shown = markers !== undefined;
            return `${row.sentence} ${markers ?? '[1]'}`;
          },
        }, user(question));
        if (!shown || response.composer !== 'llm') continue;
        expect(response.answer).toMatch(new RegExp(`^${row.sentence.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\[\\d+\\]`));
        served++;
      }
    }
    expect(served).toBeGreaterThanOrEqual(10);
  }, 120_000);
});
