import type { Citation } from '../contract.js';

export { formatLocator } from '../pipeline/citations.js';

/** An answer made of quoted sentences, each ending with the number of the citation it rests on. */
export interface ComposedAnswer {
  answer: string;
  citations: Citation[];
  /** Sections quoted, in order of first use. */
  sectionIds: string[];
  /** How sure the judge was (its answerability), carried for the LLM path. */
  leadScore: number;
}
