import type { Source } from '../../ingest/corpus.js';
import type { ComposedAnswer } from '../answer/compose.js';
import type { RetrievedSection } from '../retrieve/retrieve.js';
import { renderPassages } from './render.js';
import type { Candidate, Evidence } from './types.js';

/** What the optional LLM composer is given: the ranked sections and the extractive answer it may replace. */
export function llmInputs(candidates: Candidate[], evidence: Evidence, sourceById: Map<string, Source>): { retrieved: RetrievedSection[]; composed: ComposedAnswer } {
  const extractive = renderPassages(evidence.passages, sourceById);
  return {
    retrieved: candidates.map((candidate) => ({ section: candidate.section, score: candidate.score, similarity: candidate.similarity, chunkIndexes: [] })),
    composed: { ...extractive, sectionIds: evidence.passages.map((passage) => passage.section.id), leadScore: evidence.answerability },
  };
}
