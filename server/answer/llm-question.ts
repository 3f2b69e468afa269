import type { SearchQuery } from '../retrieve/conversation-query.js';
import { contentTerms } from '../retrieve/terms.js';
import type { Passage } from './llm-types.js';

/** At most this many words of an earlier question complete a follow-up. */
const MAX_TOPIC_WORDS = 8;

/**
 * The one question the model is sent, written by our code: the person's latest message, and for an
 * elliptical follow-up ("and how long does it last?") the words of the earlier question it leans on
 * that also occur in the passages being sent. Earlier turns never go out as typed, and neither do our
 * own answers: only words the public documents already hold can be carried over.
 */
export function questionForLlm(query: SearchQuery, passages: Passage[]): string {
  const latest = oneLine(query.latest);
  if (!query.context) return latest;
  const known = new Set(contentTerms(passages.map((passage) => passage.text).join('\n')));
  const seen = new Set<string>();
  const topic: string[] = [];
  // "ex parte" is one term in the index; keep it one word here so it can be carried over.
  for (const word of query.context.replace(/\bex[\s-]+parte\b/gi, 'ex-parte').split(/[^\p{L}\p{N}'.()-]+/u)) {
    const terms = contentTerms(word);
    if (terms.length !== 1 || !known.has(terms[0]) || seen.has(terms[0])) continue;
    seen.add(terms[0]);
    topic.push(word.toLowerCase().replace(/^ex-parte$/, 'ex parte').replace(/[.,;:!?]+$/, ''));
    if (topic.length >= MAX_TOPIC_WORDS) break;
  }
  return topic.length > 0 ? `${latest} (a follow-up to a question about: ${topic.join(' ')})` : latest;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
