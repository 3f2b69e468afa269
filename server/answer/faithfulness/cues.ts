import type { LlmCheckFailure } from '../llm-types.js';
import type { Occurrence, SentenceAnalysis } from './analyse.js';
import type { CueField } from './lexicon.js';
import { sameTerm } from './words.js';

/** How many content words before a word still lend it their cues ("until your court hearing" covers "hearing"). */
const NEAR = 2;
/** Words either side that decide which of several uses of a word in the passages a sentence repeats. */
const CONTEXT = 3;

/** How far from a word its anchor may stand in the sentence for the sentence to repeat their relation. */
const ANCHOR_DISTANCE = 2;

const FAILURE: Record<Exclude<CueField, 'aux'>, LlmCheckFailure> = { neg: 'negation_mismatch', modal: 'modality_mismatch', rel: 'relation_mismatch', quant: 'quantifier_mismatch' };

interface Located {
  sentence: SentenceAnalysis;
  at: number;
}

const occurrencesOf = (sentences: SentenceAnalysis[], term: string): Located[] =>
  sentences.flatMap((sentence) => sentence.occurrences.flatMap((occurrence, at) => (sameTerm(occurrence.term, term) ? [{ sentence, at }] : [])));

/** The values a cue field takes on a word and the few words before it in its clause. */
function near({ sentence, at }: Located, field: CueField): Set<string> {
  const values = new Set<string>();
  const { clause } = sentence.occurrences[at];
  for (let index = Math.max(0, at - NEAR); index <= at; index++) {
    const value = sentence.occurrences[index].clause === clause ? sentence.occurrences[index].own[field] : undefined;
    if (value) values.add(value);
  }
  return values;
}

/** Shared neighbours: which use of a word in the passages a sentence's use of it lines up with. */
function similarity(left: Located, right: Located): number {
  const context = ({ sentence, at }: Located) => sentence.occurrences.filter((_, index) => index !== at && Math.abs(index - at) <= CONTEXT).map((occurrence) => occurrence.term);
  const theirs = context(right);
  return context(left).filter((term) => theirs.some((other) => sameTerm(term, other))).length;
}

/** The cues on each word agree with the passages, in both directions. */
/** The uses of a word in the passages that share most neighbours with this use of it (ties kept). */
function alignedUses(mine: Located, uses: Located[]): Located[] {
  const scores = uses.map((use) => similarity(mine, use));
  const best = Math.max(...scores);
  return uses.filter((_, index) => scores[index] === best);
}

export function cueFailure(claim: SentenceAnalysis, sources: SentenceAnalysis[]): LlmCheckFailure | undefined {
  // "will" and the present tense say the same; "aux" only finds the verb for verbSideFailure.
  const fields = (occurrence: Occurrence) => (Object.entries(occurrence.own) as Array<[CueField, string]>).filter((entry): entry is [Exclude<CueField, 'aux'>, string] => entry[0] !== 'aux');
  // What the sentence adds: each cue it puts on a word must be on the use of that word it repeats.
  for (const [at, occurrence] of claim.occurrences.entries()) {
    if (fields(occurrence).length === 0) continue;
    const mine: Located = { sentence: claim, at };
    const uses = occurrencesOf(sources, occurrence.term);
    if (uses.length === 0) {
      // A word the passages lack: at least the same cue must occur there.
      const missing = fields(occurrence).find(([field, value]) => !sources.some((source) => source.occurrences.some((other) => other.own[field] === value)));
      if (missing) return FAILURE[missing[0]];
      continue;
    }
    const aligned = alignedUses(mine, uses);
    const failing = (use: Located) => fields(occurrence).find(([field, value]) => !near(use, field).has(value));
    if (aligned.every((use) => failing(use))) return FAILURE[failing(aligned[0])![0]];
  }
  // What the sentence drops: a cue in the passages whose words the sentence repeats must be repeated too.
  for (const source of sources) {
    for (const [index, occurrence] of source.occurrences.entries()) {
      if (occurrence.anchor === undefined) continue;
      // The sentence repeats the relation when it has the cue's word with its anchor beside it, and that
      // use of the word lines up with this one (not with the same word in a neighbouring sentence).
      const anchors = claim.occurrences.flatMap((other, at) => (other.term === occurrence.anchor ? [at] : []));
      const beside = (at: number) => anchors.some((anchor) => (occurrence.anchorAfter ? anchor > at : anchor < at) && Math.abs(anchor - at) <= ANCHOR_DISTANCE);
      // A tie with a use that lacks the cue leaves the sentence true to that one.
      const bound = (at: number, field: CueField, value: string) => {
        const aligned = alignedUses({ sentence: claim, at }, occurrencesOf(sources, occurrence.term));
        return aligned.some((use) => use.sentence === source && use.at === index) && aligned.every((use) => near(use, field).has(value));
      };
      const dropped = fields(occurrence).find(([field, value]) => {
        const mine = claim.occurrences.flatMap((other, at) => (other.term === occurrence.term && beside(at) && bound(at, field, value) ? [{ sentence: claim, at }] : []));
        return mine.length > 0 && !mine.some((use) => near(use, field).has(value));
      });
      if (dropped) return FAILURE[dropped[0]];
    }
  }
  // A word the passages only ever negate ("no contact") cannot appear plain.
  for (const term of claim.terms) {
    const negated = claim.occurrences.some((occurrence, at) => sameTerm(occurrence.term, term) && near({ sentence: claim, at }, 'neg').size > 0);
    const uses = occurrencesOf(sources, term);
    if (!negated && uses.length > 0 && uses.every(({ sentence, at }) => sentence.occurrences[at].own.neg)) return 'negation_mismatch';
  }
  return undefined;
}


/**
 * Who stands on which side of the verb: a word before "may"/"must"/"will" + verb in the sentence may
 * not be only after that verb in the passage, nor the reverse ("the guardian can appoint a judge"
 * under "the judge can appoint a guardian"). A passive verb ("can be issued"), which turns the order
 * round, is not read.
 */
export function verbSideFailure(claim: SentenceAnalysis, sources: SentenceAnalysis[]): LlmCheckFailure | undefined {
  for (const [at, verb] of claim.occurrences.entries()) {
    if ((verb.own.modal ?? verb.own.aux) === undefined || verb.passive) continue;
    const aligned = alignedUses({ sentence: claim, at }, occurrencesOf(sources, verb.term));
    if (aligned.length === 0) continue;
    const keepsSides = ({ sentence, at: index }: Located) => {
      const clause = sentence.occurrences[index].clause;
      // A passive turns the order round; a list item or order ("Notify the ...") names its subject elsewhere.
      if (sentence.occurrences[index].passive || sentence.occurrences[index - 1]?.clause !== clause) return true;
      return claim.occurrences.every((word, position) => {
        if (position === at || word.clause !== verb.clause || word.light) return true;
        const places = sentence.occurrences.flatMap((other, place) => (other.clause === clause && place !== index && sameTerm(other.term, word.term) ? [place] : []));
        if (places.length === 0) return true;
        return position < at ? places.some((place) => place < index) : places.some((place) => place > index);
      });
    };
    if (!aligned.some(keepsSides)) return 'role_mismatch';
  }
  return undefined;
}
