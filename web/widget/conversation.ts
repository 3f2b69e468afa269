import type { ChatMessage } from '../shared/types.js';

/** Most turns sent with one request; older ones fall away (page memory only). */
export const MAX_MESSAGES = 20;

/** In-memory conversation: completed turns only, never written anywhere. */
export interface Conversation {
  /** The history to send with a new question: at most MAX_MESSAGES, starting with a user turn. */
  requestMessages(question: string): ChatMessage[];
  /** Records a question and the answer it got. */
  addTurn(question: string, answer: string): void;
  /** Records a question that was stopped by a newer one, so the next request still carries what it said. */
  addUnanswered(question: string): void;
  /** Forgets everything (quick exit). */
  wipe(): void;
  readonly size: number;
}

/** Creates an empty conversation held only in this page's memory. */
export function createConversation(): Conversation {
  let messages: ChatMessage[] = [];
  return {
    requestMessages(question: string): ChatMessage[] {
      const all: ChatMessage[] = [...messages, { role: 'user', content: question }];
      const recent = all.slice(-MAX_MESSAGES);
      // A window that starts mid-turn would begin with an answer to a question the server never sees.
      while (recent.length > 1 && recent[0]?.role !== 'user') recent.shift();
      return recent;
    },
    addTurn(question: string, answer: string): void {
      messages.push({ role: 'user', content: question }, { role: 'assistant', content: answer });
      if (messages.length > MAX_MESSAGES) messages = messages.slice(-MAX_MESSAGES);
    },
    addUnanswered(question: string): void {
      messages.push({ role: 'user', content: question });
      if (messages.length > MAX_MESSAGES) messages = messages.slice(-MAX_MESSAGES);
    },
    wipe(): void {
      messages = [];
    },
    get size(): number {
      return messages.length;
    },
  };
}
