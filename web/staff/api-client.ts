import type { SearchResponse, SectionPayload } from '../shared/types.js';

/** What a person sees when the server cannot be reached at all (instead of the browser's "Failed to fetch"). */
export const OFFLINE_MESSAGE = 'Cannot reach Lumen right now. Check the connection; your search will work again when it is back.';

/** fetch, with a network failure turned into plain words; an abort stays an abort. */
async function get(url: string, signal: AbortSignal): Promise<Response> {
  try {
    return await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new Error(OFFLINE_MESSAGE);
  }
}

/** GET /api/search in instant mode, optionally within one document. */
export async function fetchSearch(query: string, docId: string, signal: AbortSignal): Promise<SearchResponse> {
  const params = new URLSearchParams({ q: query, mode: 'instant', limit: '20' });
  if (docId) params.set('doc', docId);
  const response = await get(`/api/search?${params.toString()}`, signal);
  if (!response.ok) throw new Error(await errorMessage(response));
  const body = (await response.json()) as Partial<SearchResponse>;
  return { query: body.query ?? query, results: Array.isArray(body.results) ? body.results : [] };
}

/** GET /api/sections/:id: one whole section. */
export async function fetchSection(id: string, signal: AbortSignal): Promise<SectionPayload> {
  const response = await get(`/api/sections/${encodeURIComponent(id)}`, signal);
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
  return response.status >= 500 ? 'Lumen had a problem answering. Please try again in a moment.' : `The server answered ${response.status}.`;
}
