import { describe, expect, it } from 'vitest';
import { cleanWhere, describeAsOf, formatCitation, formatIsoDate, fullCitation, locatorWithinDocument, shortDocTitle, splitLocator } from './citation-text.js';

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

describe('clean citations for every document', () => {
  const dodi = 'DoD Instruction 6400.06, DoD Coordinated Community Response to Domestic Abuse Involving DoD Military and Certain Affiliated Personnel';
  const mo = 'WomensLaw: Missouri Restraining Orders';
  const mpo = 'WomensLaw: What is a military protective order (MPO)?';

  it('keeps a DoDI paragraph locator as it is', () => {
    expect(cleanWhere({ docTitle: dodi, locator: 'DoDI 6400.06, para. 3.5.d.(3)(g), p. 41' })).toBe('para. 3.5.d.(3)(g), p. 41');
  });

  it('drops "See" and truncation, and names a WomensLaw answer by its question and the statutes it cites', () => {
    expect(cleanWhere({ docTitle: mo, locator: 'WomensLaw Missouri Q&A, See MO ST § 455.040(1)' })).toBe('MO ST § 455.040(1)');
    expect(cleanWhere({ docTitle: mo, locator: 'MO ST § 455.035(1); See MO ST § 455.040(1)', title: 'Step 2: A judge will review your petition.' })).toBe(
      '"Step 2: A judge will review your petition.", citing MO ST § 455.035(1); MO ST § 455.040(1)',
    );
    expect(cleanWhere({ docTitle: mo, locator: 'MO ST §§ 455.010(1); 455.010(5); ...' })).toBe('MO ST §§ 455.010(1); 455.010(5)');
  });

  it('reads the chat locators that quote the question and bracket what it cites', () => {
    expect(cleanWhere({ docTitle: mo, locator: 'WomensLaw Missouri Q&A: "What types of orders of protection are there? How long do they last?" (MO ST § 455.040(1), (4))' })).toBe(
      '"What types of orders of protection are there? How long do they last?", citing MO ST § 455.040(1), (4)',
    );
    expect(cleanWhere({ docTitle: mo, locator: 'WomensLaw Missouri Q&A: "Step 4: The hearing for the full order of protection"' })).toBe('"Step 4: The hearing for the full order of protection"');
    expect(
      cleanWhere({ docTitle: mpo, locator: 'WomensLaw MPO page: "Can civilian police enforce an MPO?" (Department of Defense Instruction, Number 6400.06, Incorporating Change 1, September 20, 2011)' }),
    ).toBe('"Can civilian police enforce an MPO?"');
  });

  it('leaves out footnotes that name other publications', () => {
    const footnote =
      'WomensLaw MPO page, Department of Defense Instruction, Number 6400.06, Incorporating Change 1, September 20, 2011, section';
    expect(cleanWhere({ docTitle: mpo, locator: footnote, title: 'Can civilian police enforce an MPO?' })).toBe('"Can civilian police enforce an MPO?"');
    expect(cleanWhere({ docTitle: mpo, locator: footnote, title: 'What is a military protective order (MPO)?' })).toBe('');
    expect(formatCitation({ docTitle: mpo, docShortTitle: 'WomensLaw MPO page', locator: footnote, title: 'What is a military protective order (MPO)?' })).toBe('WomensLaw MPO page');
  });

  it('copies locator, full title, date and address', () => {
    expect(fullCitation({ docTitle: dodi, locator: 'DoDI 6400.06, para. 3.5.d.(3)(g), p. 41', asOf: '2024-07-11', url: 'https://www.esd.whs.mil/DD/' })).toBe(
      `DoDI 6400.06, para. 3.5.d.(3)(g), p. 41. ${dodi} (July 11, 2024). https://www.esd.whs.mil/DD/`,
    );
    expect(
      fullCitation({ docTitle: mo, locator: 'WomensLaw Missouri Q&A, See MO ST § 455.040(1)', title: 'Step 2: A judge will review your petition.', asOf: null, url: 'https://www.womenslaw.org/laws/mo/restraining-orders' }),
    ).toBe(`WomensLaw Missouri Q&A, "Step 2: A judge will review your petition.", citing MO ST § 455.040(1). ${mo} (undated). https://www.womenslaw.org/laws/mo/restraining-orders`);
  });
});
