import { describe, expect, it } from 'vitest';
import { createConversation, MAX_MESSAGES } from './conversation.js';

describe('conversation', () => {
  it('sends prior turns with the new question', () => {
    const conversation = createConversation();
    conversation.addTurn('q1', 'a1');
    expect(conversation.requestMessages('q2')).toEqual([
      { role: 'user', content: 'q1' },
      { role: 'assistant', content: 'a1' },
      { role: 'user', content: 'q2' },
    ]);
  });

  it('caps the history and always starts with a user turn', () => {
    const conversation = createConversation();
    for (let i = 0; i < 30; i += 1) conversation.addTurn(`q${i}`, `a${i}`);
    const messages = conversation.requestMessages('last');
    expect(messages.length).toBeLessThanOrEqual(MAX_MESSAGES);
    expect(messages[0]?.role).toBe('user');
    expect(messages[messages.length - 1]).toEqual({ role: 'user', content: 'last' });
  });

  it('forgets everything on wipe', () => {
    const conversation = createConversation();
    conversation.addTurn('q', 'a');
    conversation.wipe();
    expect(conversation.size).toBe(0);
    expect(conversation.requestMessages('new')).toEqual([{ role: 'user', content: 'new' }]);
  });
});
