import { performance } from 'node:perf_hooks';
import { detectDanger } from '../answer/danger.js';
import { emergencyText } from '../answer/fallback-text.js';
import { pickHotlines } from '../answer/hotline-picker.js';
import { tryLlmAnswer } from '../answer/llm-answer.js';
import type { ChatMessage, ChatResponse, RetrievalMode } from '../contract.js';
import type { Runtime } from '../runtime.js';
import { judge } from './judge.js';
import { resolveParams, type ParamOverrides, type Params } from './params.js';
import { llmInputs } from './llm-inputs.js';
import { finish, render } from './render.js';
import { offTopicSimilarity, retrieve } from './retrieve.js';
import type { Candidate, Evidence, QueryPlan, TraceEntry } from './types.js';
import { understand } from './understand.js';

export interface ChatOptions {
  messages: ChatMessage[];
  retrievalMode?: RetrievalMode;
  /** Parameter overrides (eval sweeps, ablations); the defaults otherwise. */
  params?: ParamOverrides;
  /** Told when hybrid retrieval had to fall back to lexical evidence (the embedder failed). */
  onRetrievalFallback?: (error: unknown) => void;
}

/** What one request went through: the response and each stage's record. */
export interface ChatRun {
  response: ChatResponse;
  trace: TraceEntry[];
  plan?: QueryPlan;
  candidates?: Candidate[];
  evidence?: Evidence;
}

/** Candidate sections passed from retrieval to the judge. */
const CANDIDATE_SECTIONS = 8;

/** Answers the latest user message from the documents: safety first, then a cited answer or an honest fallback. */
export async function answerChat(runtime: Runtime, options: ChatOptions): Promise<ChatResponse> {
  return (await runChat(runtime, options)).response;
}

/**
 * The answer pipeline on one index snapshot: safety -> understand -> retrieve -> judge -> render
 * (-> the optional LLM composer, checked). Each stage adds to the trace.
 */
export async function runChat(runtime: Runtime, options: ChatOptions): Promise<ChatRun> {
  const snapshot = runtime.snapshot;
  const index = snapshot.search;
  const params: Params = resolveParams(options.params);
  const trace: TraceEntry[] = [];
  const stage = async <T>(name: string, work: () => T | Promise<T>, detail: (value: T) => Record<string, unknown>): Promise<T> => {
    const started = performance.now();
    const value = await work();
    trace.push({ stage: name, milliseconds: Math.round((performance.now() - started) * 100) / 100, detail: detail(value) });
    return value;
  };
  const conversationText = options.messages.filter((message) => message.role === 'user').map((message) => message.content).join('\n');
  const latest = [...options.messages].reverse().find((message) => message.role === 'user')?.content ?? '';
  const danger = await stage('safety', () => detectDanger(latest), (value) => ({ ...value }));
  if (danger.emergency) {
    const hotlines = pickHotlines(runtime.hotlines, { text: conversationText, docIds: [], emergency: true, selfHarm: danger.selfHarm, answered: false });
    const response = finish(runtime.sourceById, { status: 'emergency', answer: emergencyText(hotlines, danger.selfHarm), citations: [], hotlines, notices: [], confidence: 'high', related: [], composer: 'extractive' });
    return { response, trace };
  }
  const plan = await stage('understand', () => understand(options.messages, { index, placesIn: runtime.placesIn }), (value) => ({
    text: value.text === value.latest ? '(latest message)' : '(latest message with the earlier turn)',
    focusSentences: value.focus === value.latest ? 'whole message' : 'question sentences',
    references: value.references,
    definitionOf: value.definitionOf ?? null,
    otherPlaces: value.otherPlaces,
    unknownShare: Number(value.unknownShare.toFixed(3)),
  }));
  let mode = options.retrievalMode ?? runtime.config.retrievalMode;
  const candidates = await stage(
    'retrieve',
    async () => {
      try {
        return await retrieve(plan, index, { mode, limit: CANDIDATE_SECTIONS, params: params.retrieve });
      } catch (error) {
        // Should the embedder fail, hybrid answers from lexical evidence alone rather than not at all.
        if (mode !== 'hybrid') throw error;
        options.onRetrievalFallback?.(error);
        mode = 'lexical';
        return retrieve(plan, index, { mode, limit: CANDIDATE_SECTIONS, params: params.retrieve });
      }
    },
    (value) => ({
      mode,
      candidates: value.map((candidate) => ({
        sectionId: candidate.section.id,
        score: Number(candidate.score.toFixed(4)),
        similarity: Number(candidate.similarity.toFixed(4)),
        questionSimilarity: Number(candidate.questionSimilarity.toFixed(4)),
        bestUnit: candidate.units[0]?.unit.locator ?? null,
      })),
    }),
  );
  const offTopic = mode === 'lexical' ? 0 : await offTopicSimilarity(plan, index, params.retrieve).catch(() => 0);
  const evidence = await stage('judge', () => judge(plan, candidates, { index, sourceById: runtime.sourceById, params, vectorsUsed: mode !== 'lexical', offTopicSimilarity: offTopic }), (value) => ({
    verdict: value.verdict,
    confidence: value.confidence,
    answerability: Number(value.answerability.toFixed(4)),
    features: Object.fromEntries(Object.entries(value.features).map(([key, number]) => [key, Number(number.toFixed(4))])),
    passages: value.passages.map((passage) => ({ sectionId: passage.section.id, units: passage.units.map((unit) => unit.position) })),
  }));
  let composed: { answer: string; citations: ChatResponse['citations']; composer: 'extractive' | 'llm' } | undefined;
  if (evidence.verdict === 'answered' && runtime.config.llm) {
    const { retrieved, composed: extractive } = llmInputs(candidates, evidence, runtime.sourceById);
    const llm = await stage('llm', () => tryLlmAnswer({ runtime, messages: options.messages, question: plan.latest, retrieved, composed: extractive }), (value) => ({ used: value !== undefined }));
    if (llm) composed = { answer: llm.answer, citations: llm.citations, composer: 'llm' };
  }
  const response = await stage('render', () => render(evidence, { sourceById: runtime.sourceById, hotlines: runtime.hotlines, conversationText, composed }), (value) => ({ status: value.status, citations: value.citations.length }));
  return { response, trace, plan, candidates, evidence };
}
