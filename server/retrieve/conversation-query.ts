import type { ChatMessage } from '../contract.js';
import { contentTerms } from './terms.js';

/** What to search for: the latest question, plus earlier context when the latest leans on it. */
export interface SearchQuery {
  /** The latest user message. */
  latest: string;
  /** Earlier user text carried over for an elliptical follow-up ("and for cancelling one?"), else "". */
  context: string;
}

const LEANS_ON_CONTEXT = /^\s*(and|or|but|also|so|then|what about|how about|what if|same|ok(ay)?|and if|what else)\b/i;
const ANAPHORA = /\b(it|that|this|one|them|they|those|there|he|she|his|her|same)\b/i;

/**
 * Builds the search query from the conversation. A follow-up that is short, starts with a connective
 * or points back with a pronoun is searched together with the previous user turn.
 */
export function conversationQuery(messages: ChatMessage[]): SearchQuery {
  const userTurns = messages.filter((message) => message.role === 'user').map((message) => message.content);
  const latest = userTurns[userTurns.length - 1] ?? '';
  const previous = userTurns.slice(0, -1);
  if (previous.length === 0) return { latest, context: '' };
  const terms = contentTerms(latest);
  const elliptical = terms.length <= 3 || LEANS_ON_CONTEXT.test(latest) || (ANAPHORA.test(latest) && terms.length <= 7);
  if (!elliptical) return { latest, context: '' };
  // The nearest earlier turn that carried a topic of its own.
  const topical = [...previous].reverse().find((turn) => contentTerms(turn).length >= 2) ?? previous[previous.length - 1];
  return { latest, context: topical };
}
