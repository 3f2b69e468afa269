import type { Chunk, Section } from '../../ingest/types.js';
import type { WeightedTerm } from '../answer/query-terms.js';
import type { ChatMessage } from '../contract.js';

/** What the person asks, read from the conversation: the first stage's output. */
export interface QueryPlan {
  messages: ChatMessage[];
  /** The latest user message. */
  latest: string;
  /** Earlier user text carried over for an elliptical follow-up, else "". */
  context: string;
  /** The text retrieval searches with: context and latest. */
  text: string;
  /** The sentences of the latest message that ask (end in "?" or open with a question word); the whole message when none does. */
  focus: string;
  terms: WeightedTerm[];
  /** Statute, paragraph or form numbers typed. */
  references: string[];
  /** The term a "what is X?" question asks about. */
  definitionOf?: string;
  /** Places named that the documents do not speak for. */
  otherPlaces: string[];
  /** The question compares or asks about several things, so more than two sections may answer. */
  compares: boolean;
  /** Share of the asking sentences' content words that neither the documents nor the example questions use. */
  unknownShare: number;
}

/** A unit with its scores for this query. */
export interface ScoredUnit {
  chunkIndex: number;
  unit: Chunk;
  /** Fused passage score, 0-1 within this query. */
  score: number;
  lexical: number;
  similarity: number;
}

/** A section found for the plan, with the evidence behind its rank: the retrieve stage's output. */
export interface Candidate {
  section: Section;
  score: number;
  /** Its best units, best first. */
  units: ScoredUnit[];
  /** Best raw cosine of its units to the query. */
  similarity: number;
  /** Best raw cosine of its example questions to the query, and that question. */
  questionSimilarity: number;
  question?: { text: string; point?: number };
  /** Set when the section is the glossary entry a "what is X?" question asks for. */
  definitionOf?: string;
  /** Set when the section carries a reference the person typed. */
  referenced?: boolean;
}

export type Verdict = 'answered' | 'not_found' | 'out_of_scope';

/** A passage chosen to quote: a section and the units of it, in the order they are shown. */
export interface Passage {
  section: Section;
  units: Chunk[];
  /** An item of the lead-in that ends the passage before it, from a sub-paragraph of its own: shown as a bullet. */
  item?: boolean;
}

/** The judge's decision and the passages it rests on: the third stage's output. */
export interface Evidence {
  verdict: Verdict;
  confidence: 'high' | 'low';
  /** Probability that the documents answer, from the fitted model. */
  answerability: number;
  features: Record<string, number>;
  passages: Passage[];
  /** Other candidate sections worth offering as questions to tap. */
  related: Array<{ question: string; sectionId: string }>;
  /** Places named that the documents do not speak for (a reason for not_found). */
  uncoveredPlaces: string[];
}

/** One stage's record for evals and `npm run ask -- --explain`. */
export interface TraceEntry {
  stage: string;
  milliseconds: number;
  detail: Record<string, unknown>;
}
