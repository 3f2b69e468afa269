import { describe, expect, it } from 'vitest';
import { describeAsOf, formatCitation, formatIsoDate, locatorWithinDocument, shortDocTitle, splitLocator } from './citation-text.js';

describe('citation text', () => {
  it('shortens the DoDI title to its usual name', () => {
    expect(
      shortDocTitle('DoD Instruction 6400.06, DoD Coordinated Community Response to Domestic Abuse'),
    ).toBe('DoDI 6400.06');
  });

  it('prefers the short title the server sends', () => {
    expect(shortDocTitle('WomensLaw: Missouri Restraining Orders', 'WomensLaw Missouri Q&A')).toBe(
      'WomensLaw Missouri Q&A',
    );
  });

  it('composes a pasteable citation from title and locator', () => {
    expect(
      formatCitation({ docTitle: 'DoD Instruction 6400.06, DoD Coordinated', locator: 'para. 3.5.d.(3)(g), p. 41' }),
    ).toBe('DoDI 6400.06, para. 3.5.d.(3)(g), p. 41');
  });

  it('does not name the document twice when the locator already names it', () => {
    const docTitle = 'DoD Instruction 6400.06, DoD Coordinated';
    expect(formatCitation({ docTitle, locator: 'DoDI 6400.06, para. 2.6.b.(2), p. 11' })).toBe('DoDI 6400.06, para. 2.6.b.(2), p. 11');
    expect(formatCitation({ docTitle: 'WomensLaw: Missouri Restraining Orders', locator: 'WomensLaw Missouri Q&A, MO ST § 455.040(1)' })).toBe(
      'WomensLaw Missouri Q&A, MO ST § 455.040(1)',
    );
    expect(locatorWithinDocument('DoDI 6400.06, para. 2.6.b.(2), p. 11', docTitle)).toBe('para. 2.6.b.(2), p. 11');
    expect(locatorWithinDocument('MO ST § 455.040(1)', 'WomensLaw: Missouri Restraining Orders')).toBe('MO ST § 455.040(1)');
    expect(splitLocator('WomensLaw MPO page, "The Military Response"', 'WomensLaw: What is a military protective order (MPO)?')).toEqual({
      docName: 'WomensLaw MPO page',
      where: '"The Military Response"',
    });
  });

  it('falls back to the question title when a section has no locator', () => {
    expect(formatCitation({ docTitle: 'WomensLaw: Missouri Restraining Orders', locator: '', title: 'Do I need a lawyer?' })).toBe(
      'WomensLaw: Missouri Restraining Orders, "Do I need a lawyer?"',
    );
  });

  it('writes dates without a time zone shift', () => {
    expect(formatIsoDate('2024-07-11')).toBe('July 11, 2024');
    expect(formatIsoDate('2013-06')).toBe('June 2013');
    expect(describeAsOf(null)).toBe('undated');
    expect(describeAsOf('2013-06-25')).toBe('as of June 25, 2013');
  });
});
