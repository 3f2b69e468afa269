import type { Source } from '../../ingest/corpus.js';
import type { Section } from '../../ingest/types.js';
import type { Citation } from '../contract.js';
import type { ComposedAnswer } from './compose.js';
import type { CheckedSentence } from './llm-check.js';
import type { Passage } from './llm-types.js';

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
  const citations: Citation[] = [];
  const citationByKey = new Map<string, Citation>();
  const citationFor = (ref: number): Citation => {
    const passage = passageByNumber.get(ref)!;
    const section = options.sectionByNumber.get(ref)!;
    const key = `${section.id}|${passage.locator}`;
    let citation = citationByKey.get(key);
    if (!citation) {
      const source = options.sourceById.get(section.docId);
      citation = {
        n: citations.length + 1,
        docId: section.docId,
        docTitle: source?.title ?? section.docId,
        sectionId: section.id,
        sectionPath: section.path,
        locator: passage.locator,
        quote: passage.text,
        url: source?.url ?? '',
        asOf: source?.asOf ?? null,
        asOfNote: source?.asOfNote ?? '',
      };
      citationByKey.set(key, citation);
      citations.push(citation);
    } else if (!citation.quote.includes(passage.text)) {
      citation.quote += ` ... ${passage.text}`;
    }
    return citation;
  };
  const lines = new Map<number, string[]>();
  for (const sentence of options.sentences) {
    const markers = [...new Set(sentence.refs.map((ref) => citationFor(ref).n))].map((n) => `[${n}]`).join('');
    lines.set(sentence.line, [...(lines.get(sentence.line) ?? []), `${sentence.text} ${markers}`]);
  }
  return {
    answer: [...lines.values()].map((parts) => parts.join(' ')).join('\n'),
    citations,
    sectionIds: [...new Set(citations.map((citation) => citation.sectionId))],
  };
}
