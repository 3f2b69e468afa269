/** A numbered passage the model may cite as [n]; the model sees nothing else from the documents. */
export interface Passage {
  n: number;
  sectionId: string;
  docId: string;
  /** The locator as a person checks it ("DoDI 6400.06, para. 3.5.d.(3), p. 40"); shown to the model and cited. */
  locator: string;
  /** The unit's own locator, unformatted ("para. 3.5.d.(3), p. 40"), from which the citation builder writes `locator`. */
  unitLocator: string;
  text: string;
}

/** Something that turns numbered passages into a cited answer (an OpenAI-compatible chat model). */
export interface LlmComposer {
  /**
   * Returns the model's raw answer text; rejects on error or timeout. It is given the numbered
   * passages and one question our code wrote (llm-question.ts), never the conversation itself.
   */
  compose(options: { question: string; passages: Passage[]; signal?: AbortSignal }): Promise<string>;
}

/** Why the checker refused a model answer; codes only, so they can be logged without user text. */
export type LlmCheckFailure =
  | 'empty'
  | 'too_long'
  | 'garbage'
  | 'uncited_sentence'
  | 'unknown_passage'
  /** Too many words the cited passages do not hold. */
  | 'unsupported'
  | 'number_not_in_passage'
  /** "will not decide" under "will decide", "invalid" under "valid". */
  | 'negation_mismatch'
  /** "must" under "may", "may" under "will". */
  | 'modality_mismatch'
  /** "before" under "after", "at least" under "within". */
  | 'relation_mismatch'
  /** "some" under "all", a dropped "usually" or "only". */
  | 'quantifier_mismatch'
  /** Who does what to whom: a swapped or invented person. */
  | 'role_mismatch'
  /** An added, dropped or changed "if"/"unless"/"only if". */
  | 'condition_mismatch'
  /** "A and B" under "A or B", or the reverse. */
  | 'coordination_mismatch';

/** Why LLM mode fell back to the extractive answer. */
export type LlmFallbackReason = LlmCheckFailure | 'no_passages' | 'timeout' | 'error' | 'current_rule_missing';
