import { describe, expect, it } from 'vitest';
import { checkLlmAnswer, MAX_ANSWER_CHARS } from './llm-check.js';
import type { Passage } from './llm-types.js';

const passage = (n: number, text: string): Passage => ({ n, sectionId: `s${n}`, docId: 'mo', locator: `loc ${n}`, unitLocator: `loc ${n}`, text });
const passages = [
  passage(1, 'A full order of protection can last between 180 days and one year.'),
  passage(2, 'An ex parte order lasts until the full hearing, which is usually held within 15 days.'),
  passage(3, 'The judge can order the abuser to stay away from your home and your workplace.'),
];

describe('checkLlmAnswer accepts', () => {
  it('a quoted sentence with its marker, returning the text without markers', () => {
    const result = checkLlmAnswer('A full order of protection can last between 180 days and one year. [1]', passages);
    expect(result).toEqual({ ok: true, sentences: [{ text: 'A full order of protection can last between 180 days and one year.', refs: [1], line: 0 }] });
  });

  it('markers before or after the full stop, several markers, and comma lists', () => {
    const result = checkLlmAnswer(
      'A full order can last between 180 days and one year [1]. An ex parte order lasts until the full hearing [2][1]. The judge can order the abuser to stay away from your home [3, 2].',
      passages,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.sentences.map((sentence) => sentence.refs)).toEqual([[1], [2, 1], [3, 2]]);
    expect(result.sentences[1].text).toBe('An ex parte order lasts until the full hearing.');
  });

  it('a close paraphrase (most content words in the passage) and bullet lines', () => {
    const result = checkLlmAnswer('- The full hearing is usually held within 15 days. [2]\n- A judge can tell the abuser to stay away from your workplace. [3]', passages);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.sentences.map((sentence) => sentence.line)).toEqual([0, 1]);
  });
});

describe('checkLlmAnswer rejects', () => {
  const reason = (text: string) => {
    const result = checkLlmAnswer(text, passages);
    return result.ok ? 'accepted' : result.reason;
  };

  it('empty and over-long answers', () => {
    expect(reason('')).toBe('empty');
    expect(reason('  \n ')).toBe('empty');
    expect(reason(`${'A full order can last one year [1]. '.repeat(Math.ceil(MAX_ANSWER_CHARS / 30))}`)).toBe('too_long');
  });

  it('markup, JSON and symbol soup', () => {
    expect(reason('<html><body>502 Bad Gateway</body></html>')).toBe('garbage');
    expect(reason('{"choices": []}')).toBe('garbage');
    expect(reason('```\nA full order can last one year [1]\n```')).toBe('garbage');
    expect(reason('%%%% ### [1] ??? !!! 0x1f2e3d [1]')).toBe('garbage');
  });

  it('any sentence without a trailing marker', () => {
    expect(reason('A full order of protection can last between 180 days and one year.')).toBe('uncited_sentence');
    expect(reason('You should be fine. A full order can last between 180 days and one year. [1]')).toBe('uncited_sentence');
    expect(reason('A full order can last between 180 days and one year. [1]\nCall a lawyer today.')).toBe('uncited_sentence');
    expect(reason('[1] says a full order can last between 180 days and one year.')).toBe('uncited_sentence');
  });

  it('markers that name no passage', () => {
    expect(reason('A full order can last between 180 days and one year. [99]')).toBe('unknown_passage');
    expect(reason('A full order can last between 180 days and one year. [0]')).toBe('unknown_passage');
    expect(reason('A full order can last between 180 days and one year. [1][4]')).toBe('unknown_passage');
  });

  it('claims the cited passage does not make, even when another passage would', () => {
    expect(reason('You will win custody and he will go to jail. [1]')).toBe('unsupported');
    expect(reason('The judge can order the abuser to stay away from your home. [1]')).toBe('unsupported');
    expect(reason('A full order can last between 180 days and one year. [1]\n[2]')).toBe('unsupported');
    expect(reason('[1]')).toBe('garbage');
  });

  it('numbers the cited passages do not hold', () => {
    expect(reason('A full order of protection can last between 30 days and one year. [1]')).toBe('number_not_in_passage');
    expect(reason('The full hearing is usually held within 15 days. [1]')).toBe('number_not_in_passage');
  });
});
