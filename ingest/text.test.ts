import { describe, expect, it } from 'vitest';
import { splitMessageSentences, splitSentences } from './text.js';

describe('splitSentences (the documents)', () => {
  it('keeps abbreviations and splits before a capital', () => {
    expect(splitSentences('See 10 U.S.C. 1044e. The victim may ask, e.g. by phone. Then file.')).toEqual(['See 10 U.S.C. 1044e.', 'The victim may ask, e.g. by phone.', 'Then file.']);
  });
  it('does not split before a lower-case word (the documents start sentences with capitals)', () => {
    expect(splitSentences('the court. then file')).toEqual(['the court. then file']);
  });
});

describe('splitMessageSentences (what a person typed)', () => {
  it('splits lower-case sentences, as people type them on a phone', () => {
    expect(splitMessageSentences('its been 3 years. can i still get an order?')).toEqual(['its been 3 years.', 'can i still get an order?']);
  });
  it('splits at line breaks and after ? and !', () => {
    expect(splitMessageSentences('he left!! what now\nis the order still good?')).toEqual(['he left!!', 'what now', 'is the order still good?']);
  });
  it('does not split after an abbreviation', () => {
    expect(splitMessageSentences('I live in St. Louis. What does para. 3.5 say?')).toEqual(['I live in St. Louis.', 'What does para. 3.5 say?']);
  });
});
