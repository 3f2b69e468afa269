import type { Section } from '../../ingest/types.js';
import type { ChatMessage } from '../contract.js';
import { conversationQuery } from '../retrieve/conversation-query.js';
import type { RetrievedSection } from '../retrieve/retrieve.js';
import { contentTerms } from '../retrieve/terms.js';
import type { IndexSnapshot, Runtime } from '../runtime.js';
import type { ComposedAnswer } from './compose.js';
import { checkLlmAnswer } from './llm-check.js';
import { createLlmComposer } from './llm-composer.js';
import { isTimeoutError, withDeadline } from './llm-deadline.js';
import { selectPassages } from './llm-passages.js';
import { questionForLlm } from './llm-question.js';
import { renderLlmAnswer } from './llm-render.js';
import type { LlmComposer, LlmFallbackReason } from './llm-types.js';

/** Slack over the composer's own deadline before we stop waiting for it ourselves. */
const GRACE_MS = 250;

const composers = new WeakMap<Runtime, LlmComposer>();

/** One composer (and HTTP client) per runtime, made on first use. */
function composerFor(runtime: Runtime): LlmComposer {
  let composer = composers.get(runtime);
  if (!composer) {
    composer = createLlmComposer(runtime.config.llm!);
    composers.set(runtime, composer);
  }
  return composer;
}

/**
 * Asks the configured model to answer from numbered passages and returns its answer only if every
 * sentence passes the citation check; undefined (use the extractive answer) when LLM mode is off, on
 * a failed check, an error or a timeout.
 */
export async function tryLlmAnswer(options: {
  runtime: Runtime;
  /** The snapshot the request started on: its passages and its sources, never a newer build's. */
  snapshot: IndexSnapshot;
  /** Read here to write the one question the model is sent (llm-question.ts); never sent itself. */
  messages: ChatMessage[];
  question: string;
  retrieved: RetrievedSection[];
  composed: ComposedAnswer;
  /** Replaces the runtime's composer (tests). */
  composer?: LlmComposer;
  /** Hears why the extractive answer was kept: a code, never user text. */
  onFallback?: (reason: LlmFallbackReason) => void;
}): Promise<ComposedAnswer | undefined> {
  const { runtime, snapshot } = options;
  const config = runtime.config.llm;
  if (!config) return undefined;
  const fallback = (reason: LlmFallbackReason): undefined => {
    options.onFallback?.(reason);
    return undefined;
  };
  const query = conversationQuery(options.messages);
  const { passages, sectionByNumber } = selectPassages({
    retrieved: options.retrieved,
    extraSections: options.composed.sectionIds.map((id) => snapshot.search.sectionById.get(id)).filter((section): section is Section => section !== undefined),
    quotes: options.composed.citations.map((citation) => citation.quote),
    questionTerms: new Set(contentTerms(`${options.question} ${query.context}`)),
    sourceById: snapshot.sourceById,
  });
  if (passages.length === 0) return fallback('no_passages');
  const composer = options.composer ?? composerFor(runtime);
  let text: string;
  try {
    // Our own deadline too, so even a composer that ignores its signal cannot hold the answer back.
    text = await withDeadline(
      (signal) => composer.compose({ question: questionForLlm(query, passages), passages, signal }),
      { timeoutMs: config.timeoutMs + GRACE_MS },
    );
  } catch (error) {
    return fallback(isTimeoutError(error) ? 'timeout' : 'error');
  }
  const checked = checkLlmAnswer(text, passages);
  if (!checked.ok) return fallback(checked.reason);
  // The model answers from the same retrieved evidence, so the extractive lead score still describes it.
  const answer = { ...renderLlmAnswer({ sentences: checked.sentences, passages, sectionByNumber, sourceById: snapshot.sourceById }), leadScore: options.composed.leadScore };
  if (missesCurrentRule(answer, passages, snapshot.sourceById)) return fallback('current_rule_missing');
  return answer;
}

/** The answer quotes a superseded source while a passage of the source that replaced it went uncited. */
function missesCurrentRule(answer: ComposedAnswer, passages: { docId: string }[], sourceById: IndexSnapshot['sourceById']): boolean {
  const cited = new Set(answer.citations.map((citation) => citation.docId));
  return [...cited].some((docId) => {
    const newer = sourceById.get(docId)?.supersededBy;
    return newer !== null && newer !== undefined && !cited.has(newer) && passages.some((passage) => passage.docId === newer);
  });
}
