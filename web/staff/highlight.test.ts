import { describe, expect, it } from 'vitest';
import { highlightParts } from './highlight.js';

describe('highlightParts', () => {
  it('marks every query word, case-insensitively', () => {
    expect(highlightParts('Use DD Form 2873-1 to cancel', 'dd form 2873-1')).toEqual([
      { text: 'Use ', match: false },
      { text: 'DD', match: true },
      { text: ' ', match: false },
      { text: 'Form', match: true },
      { text: ' ', match: false },
      { text: '2873-1', match: true },
      { text: ' to cancel', match: false },
    ]);
  });

  it('treats regex characters in the query as text', () => {
    expect(highlightParts('see [a] (b)', '[a] (b')).toEqual([{ text: 'see [a] (b)', match: false }]);
    expect(highlightParts('ex parte order', 'parte+')).toEqual([
      { text: 'ex ', match: false },
      { text: 'parte', match: true },
      { text: ' order', match: false },
    ]);
  });
});
