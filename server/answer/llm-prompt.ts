import type { Passage } from './llm-types.js';

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

/**
 * Builds the system and user messages: the numbered passages, then one question. Nothing else from the
 * conversation goes in: a follow-up arrives already completed by questionForLlm.
 */
export function buildPrompt(options: { question: string; passages: Passage[] }): { system: string; user: string } {
  const passages = options.passages.map((passage) => `[${passage.n}] (${passage.locator}) ${oneLine(passage.text)}`).join('\n');
  return { system: SYSTEM_PROMPT, user: `Passages:\n${passages}\n\nQuestion: ${oneLine(options.question)}` };
}

/** Keeps one passage per line so "[n] (locator) text" stays unambiguous. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
