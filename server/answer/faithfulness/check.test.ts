import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../ingest/config.js';
import { splitSentences } from '../../../ingest/text.js';
import { FAITHFUL, KNOWN_MISSES, PASSAGES, UNFAITHFUL, type PassageKey, type TableRow } from '../../testing/faithfulness-table.js';
import { checkLlmAnswer } from '../llm-check.js';
import type { Passage } from '../llm-types.js';
import { faithfulnessFailure } from './check.js';

/** Share of faithful paraphrases the check must accept; it refuses when unsure, so not all. */
const MIN_FAITHFUL_ACCEPTED = 0.8;

const cited = (keys: PassageKey[]) => keys.map((key) => PASSAGES[key]).join('\n');

/** The row as a model answer: the sentence with a marker for each cited passage, run through the whole check. */
function verdict(row: TableRow): string {
  const passages: Passage[] = row.cites.map((key, index) => ({ n: index + 1, sectionId: key, docId: 'mo', locator: key, unitLocator: key, text: PASSAGES[key] }));
  const result = checkLlmAnswer(`${row.sentence} ${passages.map((passage) => `[${passage.n}]`).join('')}`, passages);
  return result.ok ? 'accepted' : result.reason;
}

describe('the faithfulness table', () => {
  it('quotes real passages: each one is in corpus/*.txt', () => {
    const normalise = (text: string) => text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ');
    const corpusDir = join(PROJECT_ROOT, 'corpus');
    const corpus = readdirSync(corpusDir)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => normalise(readFileSync(join(corpusDir, name), 'utf8')))
      .join('\n');
    for (const text of Object.values(PASSAGES)) expect(corpus).toContain(normalise(text));
    expect(UNFAITHFUL.length).toBeGreaterThanOrEqual(60);
    expect(FAITHFUL.length).toBeGreaterThanOrEqual(30);
    for (const kind of ['negation', 'role', 'time', 'condition', 'number', 'modality', 'quantifier', 'invented'] as const) {
      expect(UNFAITHFUL.filter((row) => row.kind === kind).length).toBeGreaterThanOrEqual(5);
    }
  });
});

describe('faithfulnessFailure refuses every unfaithful sentence', () => {
  it.each(UNFAITHFUL.map((row) => [row.kind, row.sentence, row] as const))('%s: %s', (_, __, row) => {
    expect(faithfulnessFailure(row.sentence, cited(row.cites))).toBeDefined();
    expect(verdict(row)).not.toBe('accepted');
  });
});

describe('faithfulnessFailure does not yet refuse', () => {
  for (const row of KNOWN_MISSES) it.todo(`${row.kind}: ${row.sentence}`);
});

describe('faithfulnessFailure accepts faithful paraphrases', () => {
  it(`accepts at least ${MIN_FAITHFUL_ACCEPTED * 100}% of ${FAITHFUL.length}`, () => {
    const refused = FAITHFUL.filter((row) => verdict(row) !== 'accepted');
    const rate = 1 - refused.length / FAITHFUL.length;
    // The measured rate, for the record: a drop means the check grew stricter on honest answers.
    console.info(`faithful paraphrases accepted: ${FAITHFUL.length - refused.length}/${FAITHFUL.length} (${(rate * 100).toFixed(0)}%)`);
    expect(rate).toBeGreaterThanOrEqual(MIN_FAITHFUL_ACCEPTED);
  });

  it('accepts every passage quoted as it stands, each sentence cited', () => {
    for (const [key, text] of Object.entries(PASSAGES)) {
      const passages: Passage[] = [{ n: 1, sectionId: key, docId: 'mo', locator: key, unitLocator: key, text }];
      expect(checkLlmAnswer(splitSentences(text).map((sentence) => `${sentence} [1]`).join(' '), passages).ok, text).toBe(true);
    }
  });
});

describe('faithfulnessFailure reads', () => {
  const reason = (sentence: string, passage: string) => faithfulnessFailure(sentence, passage) ?? 'accepted';

  it('negation by scope: a "not" elsewhere in the passage does not excuse a negated claim', () => {
    expect(reason('The judge will not decide whether to grant you a full order of protection.', PASSAGES.noticeOfHearing)).toBe('negation_mismatch');
    expect(reason('The judge will decide whether or not to grant you a full order of protection.', PASSAGES.noticeOfHearing)).toBe('accepted');
  });

  it('un-/in- opposites and "need not" as negations', () => {
    expect(reason('When the Service member is transferred to a new command, the order will be invalid.', PASSAGES.mpoTransfer)).toBe('accepted');
    expect(reason('An MPO is unenforceable while the Service member is attached to the command that issued the order.', PASSAGES.mpoAttached)).toBe('negation_mismatch');
    expect(reason('A clerk and judge must be on call when the circuit court is closed.', PASSAGES.onCall)).toBe('accepted');
    expect(reason('A clerk and judge need not be on call when the circuit court is closed.', PASSAGES.onCall)).toBe('negation_mismatch');
  });

  it('numbers by value and unit: words and digits meet, other values and units do not', () => {
    expect(reason('The hearing usually takes place within fifteen days.', PASSAGES.exParteValid)).toBe('accepted');
    expect(reason('The hearing usually takes place within 15 weeks.', PASSAGES.exParteValid)).toBe('number_not_in_passage');
    expect(reason('It can last between 2 years and 10 years if the judge issues specific written findings that the abuser poses a serious danger to your physical or mental health.', PASSAGES.fullLonger)).toBe('accepted');
    expect(reason('It can last between two years and one year if the judge issues specific written findings that the abuser poses a serious danger.', PASSAGES.fullLonger)).toBe('number_not_in_passage');
  });

  it('a passive that keeps who acts, and a swap that does not', () => {
    expect(reason('The civilian abuser may be ordered by a commanding officer to stay away from the installation.', PASSAGES.mpoInstallation)).toBe('accepted');
    expect(reason('A commanding officer may be ordered by the civilian abuser to stay away from the installation.', PASSAGES.mpoInstallation)).toBe('role_mismatch');
  });
});
