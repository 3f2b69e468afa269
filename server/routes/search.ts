import { Hono } from 'hono';
import type { Chunk, Section } from '../../ingest/types.js';
import { searchQuerySchema, type SearchResponse } from '../contract.js';
import { searchSections } from '../pipeline/search.js';
import { contentTerms } from '../retrieve/terms.js';
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
    // One snapshot for the whole request: its documents, passages and sources belong to one build.
    const { search, sourceById } = runtime.snapshot;
    if (doc && !sourceById.has(doc)) {
      throw new AppError(400, 'invalid_request', `doc: unknown document "${doc.slice(0, 40)}"; use one of ${[...sourceById.keys()].join(', ')}`);
    }
    let ranked: Array<{ section: Section; score: number; units: Chunk[] }>;
    if (mode === 'instant') {
      // Keystroke-fast: lexical with prefix matching, no embedding.
      const hits = search.lexical.search(q, { prefix: true, docId: doc, limit: limit * 4 });
      const bySection = new Map<string, { section: Section; score: number; units: Chunk[] }>();
      for (const hit of hits) {
        const unit = search.chunks[hit.chunkIndex];
        const entry = bySection.get(unit.sectionId);
        if (entry) entry.units.push(unit);
        else bySection.set(unit.sectionId, { section: search.sectionById.get(unit.sectionId)!, score: hit.score / (hits[0]?.score || 1), units: [unit] });
      }
      ranked = [...bySection.values()];
    } else {
      const onFallback = retrievalFallbackLogger(logger, '/api/search');
      const messages = [{ role: 'user' as const, content: q }];
      let candidates;
      try {
        candidates = await searchSections(search, { messages, mode, limit, docId: doc });
      } catch (error) {
        // Should the embedder fail, hybrid search answers from lexical evidence alone.
        if (mode !== 'hybrid') throw error;
        onFallback(error);
        candidates = await searchSections(search, { messages, mode: 'lexical', limit, docId: doc });
      }
      ranked = candidates.map((candidate) => ({ section: candidate.section, score: candidate.score, units: candidate.units.map((entry) => entry.unit) }));
    }
    const terms = new Set(contentTerms(q));
    const response: SearchResponse = {
      query: q,
      mode,
      results: ranked.slice(0, limit).map((entry, index) => {
        const source = sourceById.get(entry.section.docId);
        const passage = bestPassage(entry.section, entry.units, terms);
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

/** The passage that best matches the query, shortened, with its own locator: staff cite the sub-paragraph, not the section. */
function bestPassage(section: Section, units: Chunk[], terms: Set<string>): { snippet: string; locator: string } {
  // Retrieval ranked the units already; an instant lookup's units are ranked by the words they share.
  const shared = (unit: Chunk) => contentTerms(unit.text).filter((term) => terms.has(term)).length;
  const best = units[0] ?? { text: section.text, locator: section.locator };
  const chosen = units.length > 1 && shared(units[0]) === 0 ? units.reduce((top, unit) => (shared(unit) > shared(top) ? unit : top), units[0]) : best;
  const snippet = chosen.text.length > 240 ? `${chosen.text.slice(0, 237).replace(/\s+\S*$/, '')}...` : chosen.text;
  // A WomensLaw sentence with no statute of its own carries the question as its locator; the section's statutes say more.
  return { snippet, locator: chosen.locator && chosen.locator !== section.title ? chosen.locator : section.locator };
}
