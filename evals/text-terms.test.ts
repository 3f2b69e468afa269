import { describe, expect, it } from 'vitest';
import { containsFact, contentWords, normaliseForMatch, overlap, stem } from './text-terms.js';

describe('fact matching', () => {
  it('ignores case, punctuation, hyphens and curly quotes', () => {
    expect(normaliseForMatch('DD Form 2873-1,  “Cancellation”')).toBe('dd form 2873 1 cancellation');
    expect(containsFact('Use DD Form 2873-1 to cancel the MPO', 'dd form 2873-1')).toBe(true);
    expect(containsFact('poses a serious danger to your child’s health', "child's health")).toBe(true);
    expect(containsFact('MO ST § 455.040(1)', '455.040')).toBe(true);
  });

  it('matches from a word start only, so 24 hours is not found inside 124 hours', () => {
    expect(containsFact('within 124 hours', '24 hours')).toBe(false);
    expect(containsFact('the police are supposed to arrest the abuser', 'arrest')).toBe(true);
    expect(containsFact('between 180 days and one year', 'one years')).toBe(false);
  });
});

describe('content words', () => {
  it('drops stopwords and one-letter tokens but keeps numbers', () => {
    expect(contentWords("The order is valid for 15 days, isn't it?")).toEqual(['order', 'valid', '15', 'day']);
  });

  it('stems plurals and verb endings to a shared form', () => {
    expect(stem('orders')).toBe('order');
    expect(stem('ordered')).toBe('order');
    expect(stem('ordering')).toBe('order');
    expect(stem('parties')).toBe('party');
    expect(stem('stopped')).toBe('stop');
    expect(stem('2873')).toBe('2873');
  });

  it('measures overlap as the share of claim words found in the evidence', () => {
    expect(overlap('The order lasts 180 days.', 'an order will usually last for a period of time between 180 days and one year')).toBe(1);
    expect(overlap('The order lasts forever everywhere.', 'it will usually last 180 days')).toBeCloseTo(1 / 4);
    expect(overlap('and so on', 'anything')).toBe(1);
  });
});
