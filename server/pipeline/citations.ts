import type { Source } from '../../ingest/corpus.js';
import type { Section } from '../../ingest/types.js';
import type { Citation } from '../contract.js';

/** Prefixes the document's short name so a locator stands alone: "DoDI 6400.06, para. 3.5.d.(3)(g), p. 41". */
export function formatLocator(section: Section, locator: string, source: Source | undefined): string {
  const name = source?.shortTitle ?? section.docId;
  if (section.docId === 'dodi') return `${name}, ${locator}`;
  if (!locator || locator === section.title) return `${name}: "${section.title}"`;
  return `${name}: "${section.title}" (${locator})`;
}

/**
 * The one citation builder, for the extractive answer and the LLM's alike: citations numbered 1..k in
 * order of first use, one per section and locator, each quoting every passage text it stands for.
 */
export function createCitationBuilder(sourceById: Map<string, Source>): { cite(section: Section, locator: string, text: string): Citation; citations: Citation[] } {
  const citations: Citation[] = [];
  const byKey = new Map<string, Citation>();
  return {
    citations,
    cite(section, locator, text) {
      const key = `${section.id}|${locator}`;
      let citation = byKey.get(key);
      if (!citation) {
        const source = sourceById.get(section.docId);
        citation = {
          n: citations.length + 1,
          docId: section.docId,
          docTitle: source?.title ?? section.docId,
          sectionId: section.id,
          sectionPath: section.path,
          locator: formatLocator(section, locator, source),
          quote: text,
          url: source?.url ?? '',
          asOf: source?.asOf ?? null,
          asOfNote: source?.asOfNote ?? '',
        };
        byKey.set(key, citation);
        citations.push(citation);
      } else if (!citation.quote.includes(text)) {
        citation.quote += ` ... ${text}`;
      }
      return citation;
    },
  };
}
