/**
 * The small closed-class words that change what a legal sentence means, grouped by what they change.
 * Content-word overlap ignores them (they are stopwords), so the faithfulness check reads them here.
 * General English, not phrases from our documents: a cue list tuned to the corpus would miss a new lie.
 */

/** A meaning-bearing cue: which aspect it sets and to what. */
/** "aux" marks the verb after "will"/"would": it says where the verb is, not what the sentence claims. */
export type CueField = 'neg' | 'modal' | 'rel' | 'quant' | 'aux';
export interface Cue {
  field: CueField;
  value: string;
  /** Attaches to the content word before it ("two or more times") instead of the next one. */
  postfix?: boolean;
  /** Also negates the head (need not = not must). */
  negates?: boolean;
}

const cues: Array<[string, Cue]> = [];
const add = (field: CueField, value: string, phrases: string, extra: Partial<Cue> = {}) => {
  for (const phrase of phrases.split(',')) cues.push([phrase.trim(), { field, value, ...extra }]);
};
// Comparators and deadlines first in spirit: "no later than" and "no more than" are not negations.
add('rel', 'BEFORE', 'before, prior to, no later than, not later than, earlier than, ahead of');
add('rel', 'AFTER', 'after, later than, afterwards');
add('rel', 'UNTIL', 'until, till, up until');
add('rel', 'WITHIN', 'within');
// Not "while": it is as often "although" ("While officers can rely on..., they may ask...").
add('rel', 'DURING', 'during, as long as, throughout');
add('rel', 'BETWEEN', 'between');
add('rel', 'GE', 'at least, minimum of, no less than, not less than, no fewer than, not fewer than');
add('rel', 'GE', 'or more, or longer, or older', { postfix: true });
add('rel', 'GT', 'more than, longer than, greater than, exceeding, older than');
add('rel', 'LE', 'at most, up to, no more than, not more than, maximum of, no longer than, not longer than');
add('rel', 'LE', 'or less, or fewer, or shorter', { postfix: true });
add('rel', 'LT', 'less than, fewer than, shorter than, younger than');
add('modal', 'MAY', 'may, can, could, might, allowed to, permitted to, is possible to');
// "may be able to" is less than "will be able to": ability is its own class, and modals combine.
add('modal', 'ABLE', 'able to');
add('modal', 'ABLE', 'unable to', { negates: true });
add('modal', 'MUST', 'must, shall, have to, has to, had to, need to, needs to, required to, obligated to');
add('modal', 'MUST', 'need not, needs not', { negates: true });
add('modal', 'SHOULD', 'should, ought to, supposed to');
add('aux', 'WILL', 'will, would');
add('quant', 'ALL', 'all, every, each, any, always, entire, whole, everyone, everything, anyone, anything');
add('quant', 'SOME', 'some, certain, several, a few, few, many, sometimes');
add('quant', 'USUALLY', 'usually, generally, typically, normally, often, mostly, most, commonly, in most cases, as a rule');
add('neg', 'NEG', 'not, no, never, neither, nor, without, none, nobody, nothing, nowhere, no longer, no one');

/** Phrases read as nothing: "whether or not" does not negate, "not only" restricts nothing. */
export const IGNORED_PHRASES = ['whether or not', 'not only', 'no matter'];

/** Words that restrict a whole statement ("only after a hearing"), compared sentence by sentence. */
export const ONLY_WORDS = new Set(['only', 'solely', 'exclusively']);

/** Condition openers; a condition's class must match ("unless" is not "if"). */
export const CONDITION_PHRASES: Array<[string, string]> = [
  ['only if', 'ONLY_IF'], ['only when', 'ONLY_IF'], ['only once', 'ONLY_IF'],
  ['unless', 'UNLESS'], ['except if', 'UNLESS'], ['except when', 'UNLESS'],
  ['even if', 'EVEN_IF'], ['even when', 'EVEN_IF'], ['if', 'IF'], ['when', 'IF'], ['whenever', 'IF'], ['in case', 'IF'], ['provided that', 'IF'],
];

/** Every cue phrase as words, longest first so "no later than" wins over "no". */
export const CUE_PHRASES: Array<{ words: string[]; cue: Cue }> = cues
  .map(([phrase, cue]) => ({ words: phrase.split(' '), cue }))
  .sort((left, right) => right.words.length - left.words.length);

/**
 * Adjectives and verbs whose un-/in-/im-/il-/ir-/non-/dis- form is their opposite: "invalid" reads as
 * not "valid". A fixed list, because "information" is not the opposite of "formation".
 */
export const ANTONYM_BASES = new Set(
  `valid enforceable lawful legal able possible necessary likely eligible available appropriate effective authorized
  limited voluntary voluntarily safe aware known responsible related restricted armed married supervised contested
  reasonable fair applicable permissible admissible capable usual official conditional protected covered qualified
  willing approved allowed permitted expired expected certain dependent binding consensual agree continue`.split(/\s+/),
);
export const ANTONYM_PREFIXES = ['non', 'dis', 'un', 'in', 'im', 'il', 'ir'];

/** Connectives that join clauses but claim nothing; never an anchor or a content word. */
export const CONNECTIVES = new Set(
  'although though however therefore thus even whereas since moreover furthermore instead yet otherwise hence either whether regardless meanwhile besides also'.split(' '),
);

/**
 * Everyday verbs the shared stopword list drops. They carry the cues on them ("can tell", "must
 * ask") but are too common to count as support or invention.
 */
export const LIGHT_VERBS = new Set('tell tells told make makes made get gets got give gives gave given go goes went come comes came say says said know knows knew want wants put puts let lets ask asks asked take takes took keep keeps kept'.split(' '));

/** Units a number counts; "15 days" and "15 weeks" are different claims. */
export const UNITS = new Set(['day', 'week', 'month', 'year', 'hour', 'minute', 'time', 'percent', 'dollar']);

export const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, twice: 2,
  dozen: 12, half: 0.5,
};
export const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, fifteenth: 15, twentieth: 20, thirtieth: 30,
};
export const MULTIPLIERS: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

/**
 * The people a sentence can make act on each other. A role swap ("the abuser can order the judge")
 * keeps every word, so roles are compared by order. Longest phrases first.
 */
export const ROLE_PHRASES: Array<[string, string]> = (
  [
    ['guardian ad litem', 'GUARDIAN'], ['court appointed special advocate', 'GUARDIAN'], ['special advocate', 'GUARDIAN'],
    ['non custodial parent', 'NONCUSTODIAL_PARENT'], ['noncustodial parent', 'NONCUSTODIAL_PARENT'], ['custodial parent', 'CUSTODIAL_PARENT'],
    ['non abusive parent', 'NONABUSIVE_PARENT'], ['non abusing parent', 'NONABUSIVE_PARENT'], ['parent', 'PARENT'], ['parents', 'PARENT'],
    ['defendant', 'ABUSER'], ['lawyer', 'LAWYER'], ['attorney', 'LAWYER'], ['prosecutor', 'PROSECUTOR'], ['prosecutors', 'PROSECUTOR'],
    ['domestic abuse victim advocate', 'ADVOCATE'], ['victim advocate', 'ADVOCATE'], ['victim advocates', 'ADVOCATE'], ['advocate', 'ADVOCATE'], ['advocates', 'ADVOCATE'],
    ['family advocacy program', 'FAP'], ['fap', 'FAP'], ['clinician', 'FAP'],
    ['law enforcement authority', 'POLICE'], ['law enforcement authorities', 'POLICE'], ['law enforcement agency', 'POLICE'], ['law enforcement agencies', 'POLICE'],
    ['law enforcement personnel', 'POLICE'], ['law enforcement officer', 'POLICE'], ['law enforcement officers', 'POLICE'], ['police officer', 'POLICE'], ['police officers', 'POLICE'],
    ['authorities', 'POLICE'], ['law enforcement', 'POLICE'], ['police', 'POLICE'], ['sheriff', 'POLICE'], ['military police', 'POLICE'],
    ['commanding officer', 'COMMANDER'], ['commanding officers', 'COMMANDER'], ['commander', 'COMMANDER'], ['commanders', 'COMMANDER'],
    ['judge', 'JUDGE'], ['judges', 'JUDGE'], ['court', 'JUDGE'], ['courts', 'JUDGE'],
    ['clerk', 'CLERK'], ['clerks', 'CLERK'],
    ['service member', 'SERVICE_MEMBER'], ['service members', 'SERVICE_MEMBER'], ['servicemember', 'SERVICE_MEMBER'], ['servicemembers', 'SERVICE_MEMBER'], ['active duty', 'SERVICE_MEMBER'],
    ['abuser', 'ABUSER'], ['abusers', 'ABUSER'], ['the subject', 'ABUSER'], ['respondent', 'ABUSER'], ['offender', 'ABUSER'], ['perpetrator', 'ABUSER'], ['stalker', 'ABUSER'],
    ['victim', 'VICTIM'], ['victims', 'VICTIM'], ['survivor', 'VICTIM'], ['survivors', 'VICTIM'], ['petitioner', 'VICTIM'],
    ['you', 'YOU'], ['your', 'YOU'], ['yourself', 'YOU'],
  ] as Array<[string, string]>
).sort((left, right) => right[0].split(' ').length - left[0].split(' ').length);
