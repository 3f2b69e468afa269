import { isContentWord, termOf } from './words.js';
import { LIGHT_VERBS, ROLE_PHRASES } from './lexicon.js';

/** A person named in a sentence: "the judge", "a victim advocate", "him/her", or (weakly) "you". */
export interface RoleMention {
  /** VICTIM, ABUSER, JUDGE, ...; PRONOUN for he/she/him/her/them, who may be any third person. */
  role: string;
  /** "you"/"your": the person reading, who is the victim in our documents, but only a guess. */
  weak: boolean;
  /** Clause, split at punctuation and at words that open a clause ("if", "unless", "which"). */
  clause: number;
  /** Named after "by" in a passive ("ordered by the judge"): the one who acts. */
  agent: boolean;
  /** In a passive clause ("the abuser can be ordered"), where word order does not say who acts. */
  passive: boolean;
  /** The content words just before and after it in its clause: the slot it fills ("order _ to stay"). */
  before?: string;
  after?: string;
}

export const BE = /^(is|are|was|were|be|been|being|get|gets|got)$/;
const PARTICIPLE_FORM = /^([a-z]{3,}(ed|en)|held|made|kept|told|paid|sent|set|put|brought|done|found|seen|known)$/;
const NOT_PARTICIPLES = new Set(['between', 'often', 'children', 'women', 'citizen', 'citizens', 'seven', 'eleven', 'even', 'listen', 'garden', 'kitchen']);
/** "issued", "held"; not "supposed to" or "required to", which say what someone must do. */
export const isParticiple = (word: string | undefined, next: string | undefined) => word !== undefined && PARTICIPLE_FORM.test(word) && !NOT_PARTICIPLES.has(word) && next !== 'to';
const PUNCTUATION = /^[,;:()!?.\u2013\u2014-]$/;
const OPENERS = new Set(['if', 'unless', 'when', 'whenever', 'because', 'although', 'while', 'where', 'which', 'who', 'whom', 'whose']);
const PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his', 'hers', 'they', 'them', 'their', 's/he', 'him/her', 'his/her', 'he/she']);
/** "court" names who acts ("the court is supposed to"), not where ("in court") or what ("court hearing"). */
const COURT_PLACE_BEFORE = new Set(['in', 'to', 'into', 'at', 'from']);
const COURT_COMPOUND_AFTER = new Set(['hearing', 'hearings', 'date', 'dates', 'order', 'orders', 'clerk', 'case', 'cases', 'papers', 'paperwork', 'form', 'forms', 'system', 'file', 'record', 'records', 'fees']);
const PHRASES = ROLE_PHRASES.map(([phrase, role]) => ({ words: phrase.split(' '), role }));

function roleAt(tokens: string[], at: number): { role: string; length: number } | undefined {
  if (PRONOUNS.has(tokens[at])) return { role: 'PRONOUN', length: 1 };
  const found = PHRASES.find((phrase) => phrase.words.every((word, offset) => tokens[at + offset] === word));
  if (!found) return undefined;
  // "subject to" is not a person; "the subject" is (the DoD's word for the abuser).
  if (found.words[1] === 'subject' && tokens[at + 2] === 'to') return undefined;
  if (found.words[0].startsWith('court') && (COURT_PLACE_BEFORE.has(tokens[at - 1]) || COURT_COMPOUND_AFTER.has(tokens[at + 1]))) return undefined;
  return { role: found.role, length: found.words.length };
}

/** The roles of one sentence in reading order, with the words around each. */
export function readRoles(tokens: string[]): RoleMention[] {
  const mentions: RoleMention[] = [];
  const passiveClauses = new Set<number>();
  let clause = 0;
  let previous: string | undefined;
  let waiting: RoleMention[] = [];
  for (let at = 0; at < tokens.length; ) {
    const token = tokens[at];
    if (PUNCTUATION.test(token) || OPENERS.has(token)) {
      clause++;
      previous = undefined;
      waiting = [];
      at++;
      continue;
    }
    if (BE.test(token) && [1, 2].some((step) => isParticiple(tokens[at + step], tokens[at + step + 1]))) passiveClauses.add(clause);
    const found = roleAt(tokens, at);
    if (!found) {
      if (isContentWord(token) || LIGHT_VERBS.has(token)) {
        previous = termOf(token);
        for (const mention of waiting) mention.after = previous;
        waiting = [];
      }
      at++;
      continue;
    }
    const window = tokens.slice(Math.max(0, at - 4), at);
    const byAt = window.lastIndexOf('by') < 0 ? -1 : Math.max(0, at - 4) + window.lastIndexOf('by');
    const agent = byAt > 0 && !tokens.slice(byAt, at).some((other) => PUNCTUATION.test(other)) && isParticiple(tokens[byAt - 1], 'by');
    // An agent's slot is its verb ("issued by _"), whatever adjectives stand between.
    const before = agent ? termOf(tokens[byAt - 1]) : previous;
    const mention: RoleMention = { role: found.role === 'YOU' ? 'VICTIM' : found.role, weak: found.role === 'YOU', clause, agent, passive: false, before };
    mentions.push(mention);
    waiting.push(mention);
    at += found.length;
  }
  for (const mention of mentions) mention.passive = passiveClauses.has(mention.clause);
  return mentions;
}

/** Roles in who-acts-first order, per clause: a passive's agent moves to its clause's front; repeats merge. */
function sequence(mentions: RoleMention[]): RoleMention[] {
  const clauses = [...new Set(mentions.map((mention) => mention.clause))];
  const ordered = clauses.flatMap((clause) => {
    const inClause = mentions.filter((mention) => mention.clause === clause);
    return [...inClause.filter((mention) => mention.agent), ...inClause.filter((mention) => !mention.agent)];
  });
  return ordered.filter((mention, index) => mention.role !== ordered[index - 1]?.role);
}

/** Whether a cited mention can stand for a claimed one: the same role, or a pronoun for anyone but "you". */
const standsFor = (cited: RoleMention, claimed: RoleMention) => cited.role === claimed.role || (cited.role === 'PRONOUN' && !claimed.weak);

/**
 * Whether the claim's people do to each other what the cited sentences say: every role it names is
 * named there; no two roles in one of its clauses come in the reverse of the order a cited sentence
 * gives them; and a role in a slot the passages fill ("order _ to stay away", "_ may request") is the
 * role they put there. "You" is held to slots always, to the rest only when the citation speaks of
 * the victim at all (else it is the reader, addressed).
 */
export function rolesAgree(claimed: RoleMention[], sources: RoleMention[][]): boolean {
  const keepWeak = sources.some((mentions) => mentions.some((mention) => mention.role === 'VICTIM'));
  const claim = claimed.filter((mention) => mention.role !== 'PRONOUN' && (keepWeak || !mention.weak));
  const cited = sources.map(sequence);
  if (claim.some((mention) => !sources.flat().some((other) => other.role === mention.role))) return false;
  // A pronoun may stand for either role of a pair the claim names, but is no evidence of a reversal.
  const precedes = (roles: RoleMention[], first: RoleMention, second: RoleMention, match: typeof standsFor) =>
    roles.some((mention, index) => match(mention, first) && roles.slice(index + 1).some((later) => match(later, second)));
  const same = (cited: RoleMention, claimed: RoleMention) => cited.role === claimed.role;
  for (const clause of new Set(claim.map((mention) => mention.clause))) {
    const roles = sequence(claim.filter((mention) => mention.clause === clause));
    for (let i = 0; i < roles.length; i++) {
      for (let j = i + 1; j < roles.length; j++) {
        if (roles[i].role === roles[j].role) continue;
        const forward = cited.some((sentence) => precedes(sentence, roles[i], roles[j], standsFor));
        if (!forward && cited.some((sentence) => precedes(sentence, roles[j], roles[i], same))) return false;
      }
    }
  }
  const all = sources.flat().filter((mention) => !mention.passive);
  // Slots bind "you" too: "order you to pay" under "order the abuser to pay" is a swap, whoever else is named.
  for (const mention of claimed.filter((other) => !other.passive && other.role !== 'PRONOUN')) {
    for (const side of ['before', 'after'] as const) {
      const filled = mention[side] === undefined ? [] : all.filter((other) => other[side] === mention[side]);
      if (filled.length > 0 && !filled.some((other) => standsFor(other, mention))) return false;
    }
  }
  return true;
}
