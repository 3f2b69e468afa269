import type { CueField } from './lexicon.js';
import type { RoleMention } from './roles.js';

/** What the cues just before a word say about it: negated, under a modal, a time or amount relation, a quantifier. */
export type Frame = Partial<Record<CueField, string>>;

/** A content word (stemmed) or a number ("#15", "#1th"), in reading order. */
export interface Occurrence {
  term: string;
  clause: number;
  /** The cues that bear on this word (it is their head); empty for most words. */
  own: Frame;
  /** For a head: the content word the relation hangs on (before it in the clause, else the one after). */
  anchor?: string;
  anchorAfter?: boolean;
  /** Unit of a number ("day"), if it names one. */
  unit?: string;
  /** An everyday verb ("tell"): holds cues, but neither supports nor invents. */
  light?: boolean;
  /** A participle after "be" ("can be issued"): its subject is who it is done to. */
  passive?: boolean;
}

export interface Condition {
  kind: string;
  terms: Set<string>;
  /** Opened by "or if"/"or when": one of several alternatives, any of which suffices. */
  alternative: boolean;
}

/** "A or B" / "A and B": the content words either side of a coordinator in one clause. */
export interface Link {
  kind: 'and' | 'or';
  left: string;
  right?: string;
}

export interface SentenceAnalysis {
  occurrences: Occurrence[];
  /** Content terms, numbers and everyday verbs excluded. */
  terms: Set<string>;
  /** Every term, numbers included. */
  allTerms: Set<string>;
  only: boolean;
  conditions: Condition[];
  /** Terms inside condition clauses. */
  conditionTerms: Set<string>;
  roles: RoleMention[];
  links: Link[];
}
