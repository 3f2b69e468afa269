import { describe, expect, it } from 'vitest';
import { conversationQuery } from '../retrieve/conversation-query.js';
import { questionForLlm } from './llm-question.js';
import type { Passage } from './llm-types.js';

const passages: Passage[] = [
  { n: 1, sectionId: 's1', docId: 'mo', locator: 'l1', unitLocator: 'l1', text: 'An ex parte order generally will be valid until your court hearing for a full order of protection, which usually takes place within 15 days.' },
  { n: 2, sectionId: 's2', docId: 'mpo', locator: 'l2', unitLocator: 'l2', text: 'When the Service member is transferred to a new command, the order will no longer be valid.' },
];
const question = (...turns: string[]) =>
  questionForLlm(conversationQuery(turns.flatMap((content, index) => [{ role: 'user' as const, content }, ...(index < turns.length - 1 ? [{ role: 'assistant' as const, content: 'An answer. [1]' }] : [])])), passages);

describe('questionForLlm', () => {
  it('is the latest message alone when it stands on its own', () => {
    expect(question('my ex Rodrigo keeps texting me', 'how long is an ex parte order valid in missouri before the court hearing?')).toBe(
      'how long is an ex parte order valid in missouri before the court hearing?',
    );
  });

  it('completes a follow-up with only those words of the earlier question that the passages hold', () => {
    const written = question('Rodrigo, my husband at Fort Leonard Wood, got transferred. Is my ex parte order still valid?', 'and how long does it last?');
    expect(written).toBe('and how long does it last? (a follow-up to a question about: transferred ex parte order valid)');
    for (const kept of ['Rodrigo', 'husband', 'Fort', 'Leonard', 'Wood']) expect(written).not.toContain(kept);
  });

  it('sends the follow-up alone when the earlier question shares no word with the passages', () => {
    expect(question('Rodrigo hit me yesterday at the Walmart on Elm Street', 'and then what?')).toBe('and then what?');
  });

  it('carries over at most eight words, each once', () => {
    const long = 'order order valid valid court hearing full protection days transferred command service member ex parte';
    const written = question(long, 'and?');
    const topic = written.slice(written.indexOf(': ') + 2, -1).split(' ');
    expect(topic.length).toBeLessThanOrEqual(9); // "ex parte" is one term written as two words
    expect(new Set(topic).size).toBe(topic.length);
  });
});
