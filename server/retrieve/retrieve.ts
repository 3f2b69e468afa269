import type { Section } from '../../ingest/types.js';

/** A ranked section as the LLM passage selector reads it. */
export interface RetrievedSection {
  section: Section;
  score: number;
  /** Best cosine similarity of any of its units to the query (0 when vectors were not used). */
  similarity: number;
  chunkIndexes: number[];
}
