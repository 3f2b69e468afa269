import { Hono } from 'hono';
import type { Section } from '../../ingest/types.js';
import { searchQuerySchema, type SearchResponse } from '../contract.js';
import { boostExactReferences, retrieveResilient, type RetrievedSection } from '../retrieve/retrieve.js';
import { contentTerms, referenceTokens } from '../retrieve/terms.js';
import type { Logger } from '../logger.js';
import type { Runtime } from '../runtime.js';
import { retrievalFallbackLogger } from './retrieval-fallback.js';
import { AppError } from '../errors.js';
import { validate } from './validation.js';

/** GET /api/search?q=&mode=&doc=&limit=: ranked passages with locators for staff lookup. */
export function createSearchRoutes(runtime: Runtime, logger: Logger): Hono {
  const app = new Hono();
  app.get('/', validate('query', searchQuerySchema), async (c) => {
    const { q, mode, doc, limit } = c.req.valid('query');
    if (doc && !runtime.sourceById.has(doc)) {
      throw new AppError(400, 'invalid_request', `doc: unknown document "${doc.slice(0, 40)}"; use one of ${[...runtime.sourceById.keys()].join(', ')}`);
    }
    const search = runtime.snapshot.search;
    let ranked: Array<{ section: Section; score: number; chunkIndexes: number[] }>;
    if (mode === 'instant') {
      // Keystroke-fast: lexical with prefix matching, no embedding.
      const hits = search.lexical.search(q, { prefix: true, docId: doc, limit: limit * 4 });
      const bySection = new Map<string, { section: Section; score: number; similarity: number; chunkIndexes: number[] }>();
      for (const hit of hits) {
        const chunk = search.chunks[hit.chunkIndex];
        const entry = bySection.get(chunk.sectionId);
        if (entry) entry.chunkIndexes.push(hit.chunkIndex);
        else bySection.set(chunk.sectionId, { section: search.sectionById.get(chunk.sectionId)!, score: hit.score / (hits[0]?.score || 1), similarity: 0, chunkIndexes: [hit.chunkIndex] });
      }
      boostExactReferences(search, referenceTokens(q), bySection as Map<string, RetrievedSection>, doc);
      ranked = [...bySection.values()].sort((left, right) => right.score - left.score);
    } else {
      const onFallback = retrievalFallbackLogger(logger, '/api/search');
      ranked = (await retrieveResilient(search, { query: { latest: q, context: '' }, mode, limit, docId: doc, onFallback })).retrieved;
    }
    const terms = new Set(contentTerms(q));
    const response: SearchResponse = {
      query: q,
      mode,
      results: ranked.slice(0, limit).map((entry, index) => {
        const source = runtime.sourceById.get(entry.section.docId);
        const passage = bestPassage(entry.section, terms);
        return {
          rank: index + 1,
          sectionId: entry.section.id,
          docId: entry.section.docId,
          docTitle: source?.title ?? entry.section.docId,
          sectionPath: entry.section.path,
          title: entry.section.title,
          locator: `${source?.shortTitle ?? entry.section.docId}, ${passage.locator}`,
          snippet: passage.snippet,
          score: Number(entry.score.toFixed(5)),
          url: source?.url ?? '',
          asOf: source?.asOf ?? null,
        };
      }),
    };
    return c.json(response);
  });
  return app;
}

/** The block that best matches the query, trimmed to about 240 characters. */
/** The passage that best matches the query, shortened, with its own locator: staff cite the sub-paragraph, not the section. */
function bestPassage(section: Section, terms: Set<string>): { snippet: string; locator: string } {
  let best = section.blocks[0] ?? { text: section.text, locator: section.locator };
  let bestScore = -1;
  for (const block of section.blocks) {
    const score = contentTerms(block.text).filter((term) => terms.has(term)).length;
    if (score > bestScore) {
      best = block;
      bestScore = score;
    }
  }
  const snippet = best.text.length > 240 ? `${best.text.slice(0, 237).replace(/\s+\S*$/, '')}...` : best.text;
  // A WomensLaw sentence with no statute of its own carries the question as its locator; the section's statutes say more.
  return { snippet, locator: best.locator && best.locator !== section.title ? best.locator : section.locator };
}
