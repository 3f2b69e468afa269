import type { Source } from '../../ingest/corpus.js';
import type { Section } from '../../ingest/types.js';
import type { Citation } from '../contract.js';
import type { ComposedAnswer } from './compose.js';
import type { CheckedSentence } from './llm-check.js';
import type { Passage } from './llm-types.js';
import { createCitationBuilder } from '../pipeline/citations.js';

/**
 * Turns checked sentences into the public answer shape: citations numbered 1..k in order of first use,
 * each quoting the passage text, and passages sharing a section and locator merged into one citation
 * as the extractive composer does.
 */
export function renderLlmAnswer(options: {
  sentences: CheckedSentence[];
  passages: Passage[];
  sectionByNumber: Map<number, Section>;
  sourceById: Map<string, Source>;
}): Omit<ComposedAnswer, 'leadScore'> {
  const passageByNumber = new Map(options.passages.map((passage) => [passage.n, passage]));
  // The extractive answer's own citation builder: one citation per section and locator, numbered in order of first use.
  const builder = createCitationBuilder(options.sourceById);
  const citationFor = (ref: number): Citation => builder.cite(options.sectionByNumber.get(ref)!, passageByNumber.get(ref)!.unitLocator, passageByNumber.get(ref)!.text);
  const lines = new Map<number, string[]>();
  for (const sentence of options.sentences) {
    const markers = [...new Set(sentence.refs.map((ref) => citationFor(ref).n))].map((n) => `[${n}]`).join('');
    lines.set(sentence.line, [...(lines.get(sentence.line) ?? []), `${sentence.text} ${markers}`]);
  }
  return {
    answer: [...lines.values()].map((parts) => parts.join(' ')).join('\n'),
    citations: builder.citations,
    sectionIds: [...new Set(builder.citations.map((citation) => citation.sectionId))],
  };
}
