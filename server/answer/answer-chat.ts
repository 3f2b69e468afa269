import type { ChatMessage, ChatResponse, Citation, Notice, RetrievalMode } from '../contract.js';
import { conversationQuery } from '../retrieve/conversation-query.js';
import { retrieveForQuery, retrieveResilient, type RetrievedSection } from '../retrieve/retrieve.js';
import type { SearchIndex } from '../retrieve/search-index.js';
import { contentTerms } from '../retrieve/terms.js';
import type { Runtime } from '../runtime.js';
import { composeAnswer, type ComposedAnswer } from './compose.js';
import { detectDanger } from './danger.js';
import { assessEvidence } from './evidence.js';
import { emergencyText, notFoundText } from './fallback-text.js';
import { pickHotlines } from './hotline-picker.js';
import { speaksAcrossStates } from './jurisdiction.js';
import { tryLlmAnswer } from './llm-answer.js';
import { matchKnownDifferences, sourceNotices } from './notices.js';
import { weightedTerms } from './query-terms.js';

export interface ChatOptions {
  messages: ChatMessage[];
  retrievalMode?: RetrievalMode;
  /** Told when hybrid retrieval had to fall back to lexical evidence (the embedder failed). */
  onRetrievalFallback?: (error: unknown) => void;
}

/** Answers the latest user message from the documents: emergency first, then cited answer or an honest fallback. */
export async function answerChat(runtime: Runtime, options: ChatOptions): Promise<ChatResponse> {
  const snapshot = runtime.snapshot;
  const search = snapshot.search;
  const query = conversationQuery(options.messages);
  const conversationText = options.messages.filter((message) => message.role === 'user').map((message) => message.content).join('\n');
  const danger = detectDanger(query.latest);
  if (danger.emergency) {
    const hotlines = pickHotlines(runtime.hotlines, { text: conversationText, docIds: [], emergency: true, selfHarm: danger.selfHarm, answered: false });
    return respond(runtime, { status: 'emergency', answer: emergencyText(hotlines, danger.selfHarm), citations: [], hotlines, notices: [] });
  }
  // Should the embedder fail, hybrid answers from lexical evidence alone rather than not at all.
  const { retrieved, mode } = await retrieveResilient(search, {
    query,
    mode: options.retrievalMode ?? runtime.config.retrievalMode,
    limit: 8,
    onFallback: options.onRetrievalFallback,
  });
  const terms = weightedTerms(search, query);
  let composed = composeAnswer({ question: query.latest, terms, retrieved, sourceById: runtime.sourceById });
  // A question about another state's own law: the documents answer only where they speak about orders across states.
  const { otherPlaces } = runtime.placesIn(query.latest);
  const placeTerms = new Set(contentTerms(otherPlaces.join(' ')));
  const evidence = assessEvidence({ terms, retrieved, vectorsUsed: mode !== 'lexical', leadScore: composed?.leadScore ?? 0, placeTerms });
  const uncoveredPlaces: string[] = [];
  if (composed && evidence.verdict === 'answered' && otherPlaces.length > 0 && !speaksAcrossStates(composed.citations.map((citation) => `${citation.sectionPath.join(' ')} ${citation.quote}`))) {
    evidence.verdict = 'not_found';
    uncoveredPlaces.push(...otherPlaces.map((place) => place.replace(/\b\w/g, (letter) => letter.toUpperCase())));
  }
  if (!composed || evidence.verdict !== 'answered') {
    const outOfScope = evidence.verdict === 'out_of_scope';
    const hotlines = pickHotlines(runtime.hotlines, { text: conversationText, docIds: [], emergency: false, selfHarm: false, answered: false });
    return respond(runtime, {
      status: outOfScope ? 'out_of_scope' : 'not_found',
      answer: notFoundText({ hotlines, uncoveredPlaces, outOfScope }),
      citations: [],
      hotlines,
      notices: [],
    });
  }
  composed = await addCurrentRule({ runtime, search, composed, query, mode, terms });
  const matched = matchKnownDifferences(composed.citations, runtime.sourceById);
  const notices: Notice[] = sourceNotices({ citations: composed.citations, sourceById: runtime.sourceById, matched });
  const llm = await tryLlmAnswer({ runtime, messages: options.messages, question: query.latest, retrieved, composed });
  const final = llm ?? composed;
  const hotlines = pickHotlines(runtime.hotlines, {
    text: conversationText,
    docIds: final.citations.map((citation) => citation.docId),
    emergency: false,
    selfHarm: false,
    answered: true,
  });
  return respond(runtime, { status: 'answered', answer: final.answer, citations: final.citations, hotlines, notices, composer: llm ? 'llm' : 'extractive' });
}

/**
 * When the answer quotes a superseded source, quote the current one on the same point: the sections a
 * known difference names, else the best match for the question inside the newer document.
 */
async function addCurrentRule(options: {
  runtime: Runtime;
  /** The snapshot this request started with, so an index swap mid-request cannot mix two builds. */
  search: SearchIndex;
  composed: ComposedAnswer;
  query: ReturnType<typeof conversationQuery>;
  mode: RetrievalMode;
  terms: ReturnType<typeof weightedTerms>;
}): Promise<ComposedAnswer> {
  const { runtime, composed } = options;
  const superseded = [...new Set(composed.citations.map((citation) => citation.docId))]
    .map((docId) => runtime.sourceById.get(docId))
    .filter((source) => source?.supersededBy);
  if (superseded.length === 0) return composed;
  const { search } = options;
  const cited = new Set(composed.citations.map((citation) => citation.sectionId));
  let result = composed;
  for (const source of superseded) {
    const newerId = source!.supersededBy!;
    // A known difference names the current rule on that point; quoting some other part of the newer document is not enough.
    const named = matchKnownDifferences(composed.citations, runtime.sourceById)
      .filter((entry) => entry.source.id === source!.id)
      .flatMap((entry) => entry.difference.currentSectionIds);
    if (named.length > 0 ? named.some((id) => cited.has(id)) : composed.citations.some((citation) => citation.docId === newerId)) continue;
    let candidates: RetrievedSection[] = named
      .map((id) => search.sectionById.get(id))
      .filter((section) => section !== undefined)
      .map((section, rank) => ({ section: section!, score: 1 - rank * 0.1, similarity: 0, chunkIndexes: [] }));
    if (candidates.length === 0) candidates = await retrieveForQuery(search, { query: options.query, mode: options.mode, limit: 2, docId: newerId });
    const extra = composeAnswer({ question: options.query.latest, terms: options.terms, retrieved: candidates, sourceById: runtime.sourceById, maxSections: 2 });
    if (extra) result = appendAnswer(result, extra);
  }
  return result;
}

/** Joins two composed answers, renumbering the second one's citations after the first's. */
function appendAnswer(first: ComposedAnswer, second: ComposedAnswer): ComposedAnswer {
  const offset = first.citations.length;
  const renumbered: Citation[] = second.citations.map((citation) => ({ ...citation, n: citation.n + offset }));
  const answer = second.answer.replace(/\[(\d+)\]/g, (_, n: string) => `[${Number(n) + offset}]`);
  return { answer: `${first.answer}\n${answer}`, citations: [...first.citations, ...renumbered], sectionIds: [...first.sectionIds, ...second.sectionIds], leadScore: first.leadScore };
}

function respond(
  runtime: Runtime,
  body: Omit<ChatResponse, 'disclaimer' | 'composer'> & { composer?: ChatResponse['composer'] },
): ChatResponse {
  const cited = [...new Set(body.citations.map((citation) => citation.docId))].map((docId) => runtime.sourceById.get(docId)!).filter(Boolean);
  const currency = cited.map((source) => `${source.shortTitle}: ${source.asOfNote}`).join('; ');
  const disclaimer = `This is legal information, not legal advice.${currency ? ` Sources as of: ${currency}.` : ''} Laws change; a lawyer or advocate can tell you how they apply to you.`;
  return { ...body, disclaimer, composer: body.composer ?? 'extractive' };
}
