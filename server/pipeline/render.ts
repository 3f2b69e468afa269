import type { Hotline, Source } from '../../ingest/corpus.js';
import type { Section } from '../../ingest/types.js';
import { notFoundText, safetyLine } from '../answer/fallback-text.js';
import { pickHotlines } from '../answer/hotline-picker.js';
import { matchKnownDifferences, sourceNotices } from '../answer/notices.js';
import type { ChatResponse, Citation, Notice } from '../contract.js';
import type { SafetyLevel } from '../../ingest/safety-examples.js';
import { createCitationBuilder } from './citations.js';
import type { Evidence, Passage } from './types.js';

/** The line a low-confidence answer opens with: said before the passages, so nobody takes them as certain. */
export const LOW_CONFIDENCE_LINE = 'The documents may not answer this exactly. These are the closest passages I found:';

/** Lines the renderer writes around the quoted passages; they carry no claim and cite nothing. */
export const FRAMING_LINES = [LOW_CONFIDENCE_LINE, safetyLine()];

/** The cited answer text: one line per quoted unit, list items bulleted under their lead-in, each ending in [n]. */
export function renderPassages(passages: Passage[], sourceById: Map<string, Source>): { answer: string; citations: Citation[] } {
  const builder = createCitationBuilder(sourceById);
  const lines: string[] = [];
  for (const passage of passages) {
    const head = Math.min(...passage.units.map((unit) => unit.depth));
    passage.units.forEach((unit, position) => {
      const citation = builder.cite(passage.section, unit.locator, unit.text);
      const prefix = position === 0 && passage.section.docId === 'dodi' && !passage.item ? `${dodiPreamble(passage.section)} ` : '';
      const depth = unit.depth - head + (passage.item ? 1 : 0);
      const bullet = depth > 0 ? `${'  '.repeat(depth - 1)}• ` : '';
      lines.push(`${bullet}${prefix}${unit.text.replace(/\s*$/, '')} [${citation.n}]`);
    });
  }
  return { answer: lines.join('\n'), citations: builder.citations };
}

/** "Under DoDI 6400.06 (Commanders, MPO):" so an instruction's imperative reads with its subject. */
function dodiPreamble(section: Section): string {
  const parts = section.path.slice(1, 3).map((part) => part.replace(/^(\d+\.\d+\.|[a-z]\.|G\.\d\.)\s*/, '').replace(/\.$/, ''));
  return `Under DoDI 6400.06 (${parts.filter(Boolean).join(', ')}):`;
}

/** Turns the judge's evidence into the public response: the cited answer, or an honest fallback with hotlines. */
export function render(evidence: Evidence, options: { sourceById: Map<string, Source>; hotlines: Hotline[]; conversationText: string; composed?: { answer: string; citations: Citation[]; composer: 'extractive' | 'llm' }; notices?: Notice[]; leadLines?: string[]; level?: SafetyLevel }): ChatResponse {
  const { sourceById } = options;
  if (evidence.verdict !== 'answered') {
    const outOfScope = evidence.verdict === 'out_of_scope';
    const hotlines = pickHotlines(options.hotlines, { text: options.conversationText, docIds: [], emergency: false, selfHarm: false, answered: false, level: options.level });
    return finish(sourceById, {
      status: evidence.verdict,
      answer: notFoundText({ hotlines, uncoveredPlaces: evidence.uncoveredPlaces, outOfScope }),
      citations: [],
      hotlines,
      notices: options.notices ?? [],
      confidence: 'low',
      related: outOfScope ? [] : evidence.related,
      composer: 'extractive',
    });
  }
  const composed = options.composed ?? { ...renderPassages(evidence.passages, sourceById), composer: 'extractive' as const };
  const matched = matchKnownDifferences(composed.citations, sourceById);
  const notices: Notice[] = [...(options.notices ?? []), ...sourceNotices({ citations: composed.citations, sourceById, matched })];
  const lead = [...(options.leadLines ?? []), ...(evidence.confidence === 'low' ? [LOW_CONFIDENCE_LINE] : [])];
  const hotlines = pickHotlines(options.hotlines, {
    text: options.conversationText,
    docIds: composed.citations.map((citation) => citation.docId),
    emergency: false,
    selfHarm: false,
    answered: true,
    level: options.level,
  });
  return finish(sourceById, {
    status: 'answered',
    answer: [...lead, composed.answer].join('\n'),
    citations: composed.citations,
    hotlines,
    notices,
    confidence: evidence.confidence,
    related: evidence.related,
    composer: composed.composer,
  });
}

/** Adds the disclaimer: legal information, not advice, and how current each cited source is. */
export function finish(sourceById: Map<string, Source>, body: Omit<ChatResponse, 'disclaimer'>): ChatResponse {
  const cited = [...new Set(body.citations.map((citation) => citation.docId))].map((docId) => sourceById.get(docId)).filter((source): source is Source => source !== undefined);
  const currency = cited.map((source) => `${source.shortTitle}: ${source.asOfNote}`).join('; ');
  const disclaimer = `This is legal information, not legal advice.${currency ? ` Sources as of: ${currency}.` : ''} Laws change; a lawyer or advocate can tell you how they apply to you.`;
  return { ...body, disclaimer };
}
