import { describe, expect, it } from 'vitest';
import { checkSentences, citationIsPrecise, citedSentences, supportRate } from './sentence-support.js';

const cancelQuote = 'Use DD Form 2873-1 to cancel the MPO; and provide copies of the signed MPO cancellation to the:';
const transferQuote = 'Contact the gaining command within 7 calendar days of notification of the pending transfer; and recommend the gaining command issue a new MPO when:';

describe('splitting an answer into cited sentences', () => {
  it('reads markers at the end of extractive bullet lines', () => {
    const answer = `• Under DoDI 6400.06 (Commanders, MPO): ${cancelQuote} [1]\n  • Installation LEA. [1]\n• ${transferQuote} [2][3]`;
    expect(citedSentences(answer)).toEqual([
      { text: `Under DoDI 6400.06 (Commanders, MPO): ${cancelQuote}`, citations: [1] },
      { text: 'Installation LEA.', citations: [1] },
      { text: transferQuote, citations: [2, 3] },
    ]);
  });

  it('splits prose sentences and lets an unmarked sentence rest on the next marked one in its line', () => {
    const answer = 'An MPO stays in effect until the commander ends it. It can be replaced [1]. The commander calls the gaining command [2].';
    expect(citedSentences(answer)).toEqual([
      { text: 'An MPO stays in effect until the commander ends it.', citations: [1] },
      { text: 'It can be replaced.', citations: [1] },
      { text: 'The commander calls the gaining command.', citations: [2] },
    ]);
  });

  it('does not split inside "U.S.C. §" or "e.g.," and leaves a sentence with no marker uncited', () => {
    const sentences = citedSentences('See 18 U.S.C. § 2265 for the rule, e.g., on notice.\nThis line cites nothing at all.');
    expect(sentences.map((sentence) => sentence.citations)).toEqual([[], []]);
    expect(sentences[0].text).toBe('See 18 U.S.C. § 2265 for the rule, e.g., on notice.');
  });
});

describe('sentence support', () => {
  const citations = [
    { n: 1, quote: cancelQuote, docTitle: 'DoD Instruction 6400.06', sectionPath: ['3.5. Commanders', 'd. MPO'], locator: 'DoDI 6400.06, para. 3.5.d.(3)(g), p. 41' },
    { n: 2, quote: transferQuote, locator: 'DoDI 6400.06, para. 3.5.d.(4), p. 42' },
  ];

  it('supports a quoted sentence, counting a preamble that names its own source', () => {
    const checks = checkSentences({ answer: `Under DoDI 6400.06 (Commanders, MPO): ${cancelQuote} [1]`, citations });
    expect(checks).toHaveLength(1);
    expect(checks[0].supported).toBe(true);
    expect(supportRate(checks)).toBe(1);
  });

  it('fails a sentence whose citation quotes a different passage', () => {
    const checks = checkSentences({ answer: `The commander must call the gaining command within 7 calendar days of the transfer. [1]\n${cancelQuote} [1]`, citations });
    expect(checks.map((check) => check.supported)).toEqual([false, true]);
    expect(supportRate(checks)).toBe(0.5);
  });

  it('fails an uncited claim and an unknown marker', () => {
    const checks = checkSentences({ answer: 'An MPO never ends when he transfers to another base.\nThe order is cancelled on a special form. [9]', citations });
    expect(checks.every((check) => !check.supported)).toBe(true);
  });

  it('does not grade short connective sentences when the answer has real claims', () => {
    const checks = checkSentences({ answer: `Yes. [2]\n${transferQuote} [2]`, citations });
    expect(checks).toHaveLength(1);
  });

  it('calls a citation precise when expected, or when its own quote supports its sentence', () => {
    const checks = checkSentences({ answer: `${cancelQuote} [1]\nThe commander must contact the gaining command within 7 calendar days. [1][2]`, citations });
    const cancel = { ...citations[0], sectionId: 'dodi:3.5.d.(3)' };
    const transfer = { ...citations[1], sectionId: 'dodi:3.5.d.(4)' };
    expect(citationIsPrecise({ citation: transfer, expectedSections: [], sentences: checks })).toBe(true);
    expect(citationIsPrecise({ citation: cancel, expectedSections: [], sentences: checks })).toBe(true);
    expect(citationIsPrecise({ citation: { ...transfer, n: 3 }, expectedSections: [], sentences: checks })).toBe(false);
    expect(citationIsPrecise({ citation: { ...transfer, n: 3 }, expectedSections: ['dodi:3.5.d.(4)'], sentences: checks })).toBe(true);
  });
});
