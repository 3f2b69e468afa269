import type { ChatMessage } from '../contract.js';
import type { Passage } from './llm-types.js';

/** Earlier turns shown to the model so a follow-up ("and how long does it last?") makes sense. */
const MAX_HISTORY_MESSAGES = 4;
const MAX_HISTORY_CHARS = 600;

export const SYSTEM_PROMPT = [
  'You explain protective orders to people who may be survivors of abuse, using ONLY the numbered passages in the next message.',
  'Rules:',
  '- Use nothing but the passages. Do not add facts, examples or advice from anywhere else.',
  '- End every sentence with the number of the passage it rests on in square brackets, like [2]. If it rests on two passages, write [1][3].',
  '- Stay close to the passages\' own words, and copy numbers (days, years, statute and paragraph numbers) exactly as they are written.',
  '- If the passages do not answer the question, say so plainly instead of guessing.',
  '- This is legal information, not legal advice: do not tell the person what they should do or predict how a judge or commander will decide.',
  '- Write in plain, calm, short sentences that someone under stress can follow. No headings, no markdown, at most 6 sentences.',
].join('\n');

/** Builds the system and user messages: the numbered passages, a little earlier conversation, then the question. */
export function buildPrompt(options: { question: string; history: ChatMessage[]; passages: Passage[] }): { system: string; user: string } {
  const passages = options.passages.map((passage) => `[${passage.n}] (${passage.locator}) ${oneLine(passage.text)}`).join('\n');
  const history = options.history.slice(-MAX_HISTORY_MESSAGES).map((message) => {
    // Earlier answers carry [n] markers that point at other passages; drop them so they cannot be copied.
    const text = oneLine(message.content.replace(/\s*\[\d+\]/g, '')).slice(0, MAX_HISTORY_CHARS);
    return `${message.role === 'user' ? 'Person' : 'Assistant'}: ${text}`;
  });
  const parts = [`Passages:\n${passages}`];
  if (history.length > 0) parts.push(`Earlier in the conversation (context only; answer the question below):\n${history.join('\n')}`);
  parts.push(`Question: ${oneLine(options.question)}`);
  return { system: SYSTEM_PROMPT, user: parts.join('\n\n') };
}

/** Keeps one passage per line so "[n] (locator) text" stays unambiguous. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
