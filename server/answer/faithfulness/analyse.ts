import { splitSentences } from '../../../ingest/text.js';
import { CONDITION_PHRASES, CUE_PHRASES, IGNORED_PHRASES, LIGHT_VERBS, ONLY_WORDS } from './lexicon.js';
import { readNumber } from './numbers.js';
import { BE, isParticiple, readRoles } from './roles.js';
import type { Condition, Frame, Link, Occurrence, SentenceAnalysis } from './types.js';
import { antonymBase, BOUNDARY, clean, isContentWord, termOf, words } from './words.js';

export type { Condition, Occurrence, SentenceAnalysis } from './types.js';

const matches = (tokens: string[], at: number, phrase: string[]) => phrase.every((word, offset) => tokens[at + offset] === word);

/** Reads each sentence of a text: its content words with the cues on them, its conditions, "only" and its roles. */
export function analyse(text: string): SentenceAnalysis[] {
  return splitSentences(text).map(analyseSentence).filter((sentence) => sentence.occurrences.length > 0);
}

function analyseSentence(sentence: string): SentenceAnalysis {
  const tokens = words(sentence);
  const result: SentenceAnalysis = { occurrences: [], terms: new Set(), allTerms: new Set(), only: false, conditions: [], conditionTerms: new Set(), roles: readRoles(tokens), links: [] };
  let clause = 0;
  let pending: Frame = {};
  let condition: Condition | undefined;
  let betweenOpen = false;
  let openLink: Link | undefined;
  const push = (occurrence: Occurrence) => {
    if (openLink) openLink.right = occurrence.term;
    openLink = undefined;
    occurrence.own = clean(occurrence.own);
    const previous = result.occurrences.at(-1);
    if (Object.keys(occurrence.own).length > 0 && previous?.clause === clause) occurrence.anchor = previous.term;
    // A head with nothing before it in its clause hangs on the word after it ("not an order protecting you").
    if (previous?.clause === clause && Object.keys(previous.own).length > 0 && previous.anchor === undefined) {
      previous.anchor = occurrence.term;
      previous.anchorAfter = true;
    }
    result.occurrences.push(occurrence);
    if (!occurrence.term.startsWith('#') && !occurrence.light) result.terms.add(occurrence.term);
    if (!occurrence.light) result.allTerms.add(occurrence.term);
    if (condition && !occurrence.light) {
      condition.terms.add(occurrence.term);
      result.conditionTerms.add(occurrence.term);
    }
    pending = {};
  };
  for (let at = 0; at < tokens.length; ) {
    const token = tokens[at];
    if (BOUNDARY.test(token)) {
      // "Generally, you will have to...": a cue that opens the sentence before any word bears on what follows.
      if (result.occurrences.at(-1)?.clause === clause) pending = {};
      clause++;
      condition = undefined;
      betweenOpen = false;
      openLink = undefined;
      at++;
      continue;
    }
    const ignored = IGNORED_PHRASES.map((phrase) => phrase.split(' ')).find((phrase) => matches(tokens, at, phrase));
    if (ignored) {
      at += ignored.length;
      continue;
    }
    const opener = CONDITION_PHRASES.find(([phrase]) => matches(tokens, at, phrase.split(' ')));
    const onceOpens = token === 'once' && /^(the|a|an|you|your|he|she|it|they|his|her|their|this|that)$/.test(tokens[at + 1] ?? '');
    if (opener || onceOpens) {
      condition = { kind: opener?.[1] ?? 'IF', terms: new Set(), alternative: tokens[at - 1] === 'or' };
      result.conditions.push(condition);
      at += opener ? opener[0].split(' ').length : 1;
      continue;
    }
    if (ONLY_WORDS.has(token)) {
      result.only = true;
      at++;
      continue;
    }
    const cue = CUE_PHRASES.find((entry) => matches(tokens, at, entry.words));
    if (cue) {
      const { field, value, postfix, negates } = cue.cue;
      const target = postfix ? result.occurrences.at(-1) : undefined;
      if (postfix && target?.clause === clause) target.own[field] = value;
      else if (!postfix) {
        // "neither ... nor" is one negation, not two that cancel.
        if (field === 'neg' || negates) pending.neg = 'NEG';
        // Modals combine: "may need to" is neither "may" nor "must".
        if (field === 'modal' && pending.modal && pending.modal !== value) pending.modal = [...new Set([...pending.modal.split('+'), value])].sort().join('+');
        else if (field !== 'neg') pending[field] = value;
      }
      at += cue.words.length;
      continue;
    }
    const previous = result.occurrences.at(-1);
    if ((token === 'and' || token === 'or') && previous?.clause === clause && !previous.term.startsWith('#')) {
      openLink = { kind: token, left: previous.term };
      result.links.push(openLink);
    }
    const number = readNumber(tokens, at);
    if (number) {
      const own = { ...pending };
      // "between 180 days and one year": the second bound is inside the range too.
      if (own.rel === undefined && betweenOpen) own.rel = 'BETWEEN';
      betweenOpen = own.rel === 'BETWEEN' && !betweenOpen;
      push({ term: `#${number.key}`, clause, own, unit: number.unit });
      at += number.length;
      continue;
    }
    const antonym = antonymBase(token);
    if (antonym) {
      push({ term: termOf(antonym), clause, own: { ...pending, neg: pending.neg ? undefined : 'NEG' } });
    } else if (LIGHT_VERBS.has(token)) {
      push({ term: termOf(token), clause, own: { ...pending }, light: true });
    } else if (isContentWord(token)) {
      push({ term: termOf(token), clause, own: { ...pending }, passive: isParticiple(token, tokens[at + 1]) && [1, 2].some((step) => BE.test(tokens[at - step] ?? '')) });
    }
    at++;
  }
  return result;
}

