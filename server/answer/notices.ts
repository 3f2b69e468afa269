import type { Source } from '../../ingest/corpus.js';
import type { Citation, Notice } from '../contract.js';
import { splitSentences } from '../../ingest/text.js';
import { contentTerms } from '../retrieve/terms.js';

/** A known difference whose older wording the answer quoted. */
export interface MatchedDifference {
  source: Source;
  difference: Source['knownDifferences'][number];
}

/**
 * Finds known differences the answer touches: its quotes repeat the older text (by content-word overlap),
 * or it quotes both the older source and a section that states the current rule on that point.
 */
export function matchKnownDifferences(citations: Citation[], sourceById: Map<string, Source>): MatchedDifference[] {
  const matched: MatchedDifference[] = [];
  const citedSections = new Set(citations.map((citation) => citation.sectionId));
  const citedDocs = new Set(citations.map((citation) => citation.docId));
  for (const docId of citedDocs) {
    const source = sourceById.get(docId);
    for (const difference of source?.knownDifferences ?? []) {
      if (difference.currentSectionIds.some((id) => citedSections.has(id))) matched.push({ source: source!, difference });
    }
  }
  for (const citation of citations) {
    const source = sourceById.get(citation.docId);
    if (!source) continue;
    for (const difference of source.knownDifferences) {
      if (repeatsOlderText(citation.quote.split(' ... '), difference.olderText) && !matched.some((entry) => entry.difference === difference)) matched.push({ source, difference });
    }
  }
  return matched;
}

/** One sentence of a known difference's older text, nearly word for word, in one of the quoted pieces. */
export function repeatsOlderText(pieces: string[], olderText: string): boolean {
  const quoted = pieces.map((piece) => new Set(contentTerms(piece)));
  return splitSentences(olderText).some((sentence) => {
    const olderTerms = contentTerms(sentence);
    return olderTerms.length > 0 && quoted.some((piece) => olderTerms.filter((term) => piece.has(term)).length / olderTerms.length >= 0.8);
  });
}

/** Notices for answers that quote a superseded source: what differs and which source is current. */
export function sourceNotices(options: { citations: Citation[]; sourceById: Map<string, Source>; matched: MatchedDifference[] }): Notice[] {
  const notices: Notice[] = [];
  for (const { source, difference } of options.matched) {
    const newer = source.supersededBy ? options.sourceById.get(source.supersededBy) : undefined;
    notices.push({
      kind: 'source_conflict',
      message: `The sources differ on ${difference.about}. ${source.shortTitle} (${source.asOfNote}) says the order stops applying in that case; the newer ${newer?.shortTitle ?? 'source'} (${newer?.asOfNote ?? 'newer'}) is the current rule: ${difference.currentSays}`,
    });
  }
  const citedDocs = new Set(options.citations.map((citation) => citation.docId));
  for (const docId of citedDocs) {
    const source = options.sourceById.get(docId);
    if (!source?.supersededBy || options.matched.some((entry) => entry.source.id === docId)) continue;
    const newer = options.sourceById.get(source.supersededBy);
    notices.push({
      kind: 'dated_source',
      message: `${source.shortTitle} dates from ${source.asOfNote}. ${newer?.shortTitle ?? 'A newer source'} (${newer?.asOfNote ?? ''}) is the current rule; where the two differ, follow it. It is quoted alongside where it covers the same point.`,
    });
  }
  return notices;
}
