import { weightedTerms } from '../answer/query-terms.js';
import type { ChatMessage } from '../contract.js';
import { conversationQuery } from '../retrieve/conversation-query.js';
import type { SearchIndex } from '../retrieve/search-index.js';
import { contentTerms, referenceTokens } from '../retrieve/terms.js';
import { splitMessageSentences } from '../../ingest/text.js';
import type { QueryPlan } from './types.js';

/** A sentence that asks: it ends in "?" or opens with a question word or an inverted auxiliary. */
const ASKS = /\?\s*$|^\s*(?:so\s+|and\s+|but\s+)?(?:who|what|whats|when|where|which|why|how|can|could|do|does|did|is|are|was|will|would|should|may|might|must|if|am|has|have|any(?:one|body)?|i (?:want|need) to know|i(?:'m| am) wondering)\b/i;

const DEFINITION = /^\s*(?:what(?:'s| is| are| does)|whats|define|definition of|meaning of|who (?:is|are)|what do(?:es)? (?:the )?(?:term|word|acronym))\s+(?:an? |the )?(.+?)(?:\s+(?:mean|means|stand for|stands for)\b.*)?\s*[?.!]?\s*$/i;
const DEFINITION_LOOKUP = /^\s*(?:(?:the|dod|dodi|military|glossary|legal)\s+)*(?:definition|meaning) of\s+(?:an? |the )?(.+?)\s*[?.!]?\s*$|^\s*(?:an? |the )?(.+?)\s+(?:definition|meaning)\s*[?.!]?\s*$/i;

/** Asking about two things at once: "difference between", "compare", "X vs Y", "both". */
const COMPARES = /\b(differen(?:ce|t) between|compare|compared|versus|vs\.?|both|each of)\b/i;

/** Reads the conversation into a plan: what to search for, what the question leans on, what it names. */
export function understand(messages: ChatMessage[], options: { index: SearchIndex; placesIn: (text: string) => { otherPlaces: string[] } }): QueryPlan {
  const { index } = options;
  const query = conversationQuery(messages);
  const text = query.context ? `${query.context} ${query.latest}` : query.latest;
  const sentences = splitMessageSentences(query.latest).map((sentence) => sentence.replace(/\s+/g, ' '));
  const asking = sentences.filter((sentence) => ASKS.test(sentence));
  const focus = sentences.length > 1 && asking.length > 0 && contentTerms(asking.join(' ')).length > 0 ? asking.join(' ') : query.latest;
  const definition = query.latest.match(DEFINITION) ?? query.latest.match(DEFINITION_LOOKUP);
  const asked = definition?.slice(1).find((group) => group !== undefined)?.toLowerCase().replace(/[?.!]+$/, '').trim();
  // Judged on the sentences that ask: the more a person tells of their situation, the more words the
  // documents never use, and those say nothing about whether the question itself is answerable.
  const own = contentTerms(focus);
  const terms = weightedTerms(index, query);
  // Known: a word of the documents (or a slip of one, or one the thesaurus maps to theirs), or of the example questions.
  const documentsKnow = new Set(terms.filter((term) => !term.unknown).map((term) => term.term));
  const known = (term: string) => documentsKnow.has(term) || index.documentFrequency.has(term) || index.questionLexical.vocabulary.has(term);
  return {
    messages,
    latest: query.latest,
    context: query.context,
    text,
    focus,
    terms,
    references: referenceTokens(query.latest),
    definitionOf: asked && asked.split(/\s+/).length <= 5 ? asked : undefined,
    otherPlaces: options.placesIn(query.latest).otherPlaces,
    compares: COMPARES.test(query.latest),
    unknownShare: own.length === 0 ? 1 : own.filter((term) => !known(term)).length / own.length,
  };
}
