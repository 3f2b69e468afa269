import type { SearchResponse, SectionPayload } from '../shared/types.js';

/** GET /api/search in instant mode, optionally within one document. */
export async function fetchSearch(query: string, docId: string, signal: AbortSignal): Promise<SearchResponse> {
  const params = new URLSearchParams({ q: query, mode: 'instant', limit: '20' });
  if (docId) params.set('doc', docId);
  const response = await fetch(`/api/search?${params.toString()}`, { signal, headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(await errorMessage(response));
  const body = (await response.json()) as Partial<SearchResponse>;
  return { query: body.query ?? query, results: Array.isArray(body.results) ? body.results : [] };
}

/** GET /api/sections/:id: one whole section. */
export async function fetchSection(id: string, signal: AbortSignal): Promise<SectionPayload> {
  const response = await fetch(`/api/sections/${encodeURIComponent(id)}`, { signal, headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(await errorMessage(response));
  const body = (await response.json()) as { section?: SectionPayload };
  if (!body.section) throw new Error('The server sent no section.');
  return body.section;
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // not JSON: fall back to the status
  }
  return `The server answered ${response.status}.`;
}
