import { performance } from 'node:perf_hooks';
import { detectDanger } from '../answer/danger.js';
import { dangerNowText, safetyLine, selfHarmText } from '../answer/fallback-text.js';
import { hotlineTopics, pickHotlines } from '../answer/hotline-picker.js';
import { tryLlmAnswer } from '../answer/llm-answer.js';
import type { ChatMessage, ChatResponse, RetrievalMode } from '../contract.js';
import type { Runtime } from '../runtime.js';
import { isAlarm, type SafetyResult } from '../safety/classifier.js';
import { embeddingKey } from '../retrieve/query-embedding-cache.js';
import type { SearchIndex } from '../retrieve/search-index.js';
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

/** What a frightened person with no question is answered from: the documents' own help on getting safe. */
const FEAR_HELP = 'How can a victim advocate help me make a safety plan and get a protective order?';

/** The document a frightened civilian's safety help is taken from. */
const CIVILIAN_HELP_DOC = 'mo';

/** Candidate sections passed from retrieval to the judge. */
const CANDIDATE_SECTIONS = 8;

/**
 * The safety level of the latest message: the classifier over the build's labelled examples, with its
 * sentences embedded in one encoder call, together with `alsoEmbed` (what retrieval will search for), all
 * cached so later stages pay no second call. Should the encoder fail, the short list of unambiguous
 * patterns still catches danger and self-harm.
 */
export async function classifySafetyLevel(
  snapshot: Runtime['snapshot'],
  messages: ChatMessage[],
  alsoEmbed: string[] = [],
): Promise<SafetyResult & { encoder: { milliseconds: number; texts: number } }> {
  const { safety, search } = snapshot;
  const latest = [...messages].reverse().find((message) => message.role === 'user')?.content ?? '';
  const started = performance.now();
  const encoder = { milliseconds: 0, texts: 0 };
  try {
    const texts = safety.texts(messages);
    const all = [...texts, ...alsoEmbed];
    encoder.texts = new Set(all.map(embeddingKey)).size;
    const embeddings = (await search.embedMany(all)).slice(0, texts.length);
    encoder.milliseconds = performance.now() - started;
    // The examples' cosines from the index's similarity matrix, all texts in one product, read again by guardAlarm.
    const similarities = search.safetyVectors.all(embeddings);
    return { ...guardAlarm(search, safety.classify({ messages, embeddings, similarities }), embeddings[0]), encoder };
  } catch {
    const danger = detectDanger(latest);
    return { level: danger.selfHarm ? 'self_harm' : danger.emergency ? 'danger_now' : 'none', reasons: ['patterns only: the encoder failed'], scores: {} as SafetyResult['scores'], encoder };
  }
}

/**
 * A check around the classifier's margins, which are relative and so can point anywhere for a text unlike
 * every example: an alarm the neighbours raised must come closer to its own level's examples than to
 * questions about other subjects ("capital of australia" is no cry for help). Alarms the patterns raised stand.
 */
function guardAlarm(search: SearchIndex, result: SafetyResult, vector: number[] | undefined): SafetyResult {
  if (!isAlarm(result.level) || result.byPattern || !vector) return result;
  const own = search.safetyLevels.flatMap((level, label) => (level === result.level ? [label] : []));
  const nearestOwn = Math.max(0, ...search.safetyVectors.similarities(vector, own).values());
  const nearestOther = Math.max(0, ...search.offTopicVectors.nearest(vector, { limit: 1 }).map((hit) => hit.score));
  if (nearestOther > nearestOwn) return { ...result, level: 'none', reasons: [...result.reasons, 'closer to questions about other subjects than to any alarm'] };
  return result;
}

/** Answers the latest user message from the documents: safety first, then a cited answer or an honest fallback. */
export async function answerChat(runtime: Runtime, options: ChatOptions): Promise<ChatResponse> {
  return (await runChat(runtime, options)).response;
}

/**
 * The answer pipeline on one index snapshot: understand -> safety -> retrieve -> judge -> render (-> the
 * optional LLM composer, checked). Understanding reads words only; safety decides before anything is
 * retrieved, in the one encoder call that also embeds what retrieval searches for. Each stage adds to the trace.
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
  // Understanding reads words only; it comes first so the one encoder call can embed what retrieval will search for.
  const plan = await stage('understand', () => understand(options.messages, { index, placesIn: snapshot.placesIn }), (value) => ({
    text: value.text === value.latest ? '(latest message)' : '(latest message with the earlier turn)',
    focusSentences: value.focus === value.latest ? 'whole message' : 'question sentences',
    references: value.references,
    definitionOf: value.definitionOf ?? null,
    otherPlaces: value.otherPlaces,
    unknownShare: Number(value.unknownShare.toFixed(3)),
  }));
  let mode = options.retrievalMode ?? runtime.config.retrievalMode;
  const safety = await stage('safety', () => classifySafetyLevel(snapshot, options.messages, mode === 'lexical' ? [] : [plan.text, plan.focus]), (value) => ({
    level: value.level,
    reasons: value.reasons,
    encoder: { milliseconds: Math.round(value.encoder.milliseconds * 100) / 100, texts: value.encoder.texts },
  }));
  if (isAlarm(safety.level)) {
    // danger_now that also reads as self-harm keeps 911 first and adds 988 after it.
    const hotlines = pickHotlines(snapshot.hotlines, { text: conversationText, docIds: [], emergency: true, selfHarm: safety.level === 'self_harm' || safety.alsoSelfHarm === true, answered: false, level: safety.level });
    const answer = safety.level === 'self_harm' ? selfHarmText(hotlines) : dangerNowText(hotlines);
    // Nothing legal in an emergency, not even the disclaimer: what helps in that minute is the number to call.
    const response = { ...finish(snapshot.sourceById, { status: 'emergency', answer, citations: [], hotlines, notices: [], confidence: 'high', related: [], composer: 'extractive' }), disclaimer: '' };
    return { response, trace };
  }
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
  const judgeOptions = { index, sourceById: snapshot.sourceById, params, vectorsUsed: mode !== 'lexical', offTopicSimilarity: offTopic };
  let evidence = await stage('judge', () => judge(plan, candidates, judgeOptions), (value) => ({
    verdict: value.verdict,
    confidence: value.confidence,
    answerability: Number(value.answerability.toFixed(4)),
    features: Object.fromEntries(Object.entries(value.features).map(([key, number]) => [key, Number(number.toFixed(4))])),
    passages: value.passages.map((passage) => ({ sectionId: passage.section.id, units: passage.units.map((unit) => unit.position) })),
  }));
  const toldNotAsked = safety.level === 'fear' || (safety.level === 'disclosure' && safety.asks === false);
  if (toldNotAsked && (evidence.verdict !== 'answered' || evidence.confidence === 'low')) {
    // Fear never gets "I could not find an answer", nor abuse told with no question asked: what the documents
    // say about getting safe is always there. Nothing was asked, so a passage the story only loosely matches
    // (low confidence) answers nothing: the help on getting safe comes instead.
    evidence = await stage(
      'fear_help',
      async () => {
        const helpPlan = understand([{ role: 'user', content: FEAR_HELP }], { index, placesIn: snapshot.placesIn });
        // Someone who says nothing of the military is helped from the civilian (Missouri) page, not the DoD rules.
        const docId = hotlineTopics(conversationText).has('military') ? undefined : CIVILIAN_HELP_DOC;
        const helpCandidates = await retrieve(helpPlan, index, { mode, limit: CANDIDATE_SECTIONS, docId, params: params.retrieve });
        const judged = judge(helpPlan, helpCandidates, judgeOptions);
        return judged.passages.length > 0 ? { ...judged, verdict: 'answered' as const, confidence: 'high' as const } : judged;
      },
      (value) => ({ passages: value.passages.map((passage) => passage.section.id) }),
    );
  }
  let composed: { answer: string; citations: ChatResponse['citations']; composer: 'extractive' | 'llm' } | undefined;
  if (evidence.verdict === 'answered' && runtime.config.llm) {
    const { retrieved, composed: extractive } = llmInputs(candidates, evidence, snapshot.sourceById);
    const llm = await stage('llm', () => tryLlmAnswer({ runtime, snapshot, messages: options.messages, question: plan.latest, retrieved, composed: extractive }), (value) => ({ used: value !== undefined }));
    if (llm) composed = { answer: llm.answer, citations: llm.citations, composer: 'llm' };
  }
  const concerned = safety.level === 'fear' || safety.level === 'disclosure';
  const notices = concerned ? [{ kind: 'safety' as const, message: `${safetyLine()} The hotlines below can help you make a safety plan.` }] : [];
  const response = await stage(
    'render',
    () => render(evidence, { sourceById: snapshot.sourceById, hotlines: snapshot.hotlines, conversationText, composed, notices, leadLines: concerned ? [safetyLine()] : [], level: safety.level }),
    (value) => ({ status: value.status, citations: value.citations.length }),
  );
  return { response, trace, plan, candidates, evidence };
}
