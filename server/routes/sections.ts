import { Hono } from 'hono';
import type { Runtime } from '../runtime.js';
import { AppError } from '../errors.js';

/** GET /api/sections/:id: one whole section with its blocks and locators (ids may contain "/"). */
export function createSectionRoutes(runtime: Runtime): Hono {
  const app = new Hono();
  app.get('/*', (c) => {
    const raw = c.req.path.replace(/^.*?\/api\/sections\//, '');
    let id: string;
    try {
      id = decodeURIComponent(raw);
    } catch {
      throw new AppError(400, 'invalid_request', 'The section id is not validly URL-encoded.');
    }
    const { search, sourceById } = runtime.snapshot;
    const section = search.sectionById.get(id);
    if (!section) throw new AppError(404, 'section_not_found', `No section with id "${id.slice(0, 120)}". Ids come from citations (sectionId) or search results.`);
    const source = sourceById.get(section.docId);
    return c.json({
      section: {
        ...section,
        docTitle: source?.title ?? section.docId,
        shortTitle: source?.shortTitle ?? section.docId,
        url: source?.url ?? '',
        asOf: source?.asOf ?? null,
        asOfNote: source?.asOfNote ?? '',
      },
    });
  });
  return app;
}
