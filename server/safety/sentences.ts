import type { ChatMessage } from '../contract.js';
import { splitMessageSentences } from '../../ingest/text.js';

// A 2,000-character message has at most a few dozen sentences; the cap bounds the one encoder batch.
const MAX_SENTENCES = 24;

/** Splits a message into sentences at . ! ? and line breaks (not after "St." or "para."); phone messages without stops stay whole. */
export function splitSentences(text: string): string[] {
  return splitMessageSentences(text.replace(/[\u2018\u2019]/g, "'"))
    .filter((sentence) => /[a-z0-9]/i.test(sentence))
    .slice(0, MAX_SENTENCES);
}

/** How many words a text has. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The user messages, latest last. */
function userTurns(messages: ChatMessage[]): string[] {
  return messages.filter((message) => message.role === 'user').map((message) => message.content.trim());
}

/** What the classifier reads: the latest user message, its sentences, and the turn before when the latest is a bare "yes". */
export interface SafetyReading {
  latest: string;
  sentences: string[];
  previous: string | null;
}

/** Decides which texts of the conversation the classifier reads; see SafetyReading. */
export function safetyReading(messages: ChatMessage[], contextWords: number): SafetyReading {
  const turns = userTurns(messages);
  const latest = turns.at(-1) ?? '';
  const sentences = splitSentences(latest);
  // Only a very short reply ("yes", "hes still here") borrows the earlier turn; anything longer speaks for itself,
  // so a legal follow-up after an emergency is read on its own.
  const previous = turns.length > 1 && wordCount(latest) <= contextWords && !latest.includes('?') ? turns.at(-2)! : null;
  return { latest, sentences, previous };
}
