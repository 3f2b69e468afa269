import { createApp } from './app.js';
import { chatResponseSchema, searchResponseSchema } from './contract.js';
import { createLogger } from './logger.js';
import type { IndexSnapshot, Runtime } from './runtime.js';

/** Raised when a build loads but cannot answer; says which probe failed. */
export class SnapshotCheckError extends Error {}

/**
 * Asks a loaded snapshot a few questions through the real API before it may serve anyone: for each
 * document, a lexical search for the document's own title limited to that document; a hybrid search
 * across all of them; and one chat. The searches must find passages, the chat must answer in the
 * contract's shape. The questions come from the build's sources.json, not from any eval case, so they fit
 * whatever the documents say. The LLM is left out: the probe must not spend its budget or wait on it.
 */
export async function checkSnapshot(runtime: Runtime, snapshot: IndexSnapshot): Promise<void> {
  const probe: Runtime = {
    ...runtime,
    snapshot,
    config: { ...runtime.config, llm: undefined, rateLimitPerMinute: 0, lookupRateLimitPerMinute: 0, trustedProxies: [] },
  };
  const app = createApp(probe, { logger: createLogger({ mode: 'silent' }) });
  const documents = snapshot.manifest.corpus.documents;
  const titleOf = (id: string) => (snapshot.sourceById.get(id)?.title ?? id).replace(/^[^:]{1,40}:\s*/, '').slice(0, 200);
  const search = async (what: string, params: Record<string, string>): Promise<void> => {
    const response = await app.request(`/api/search?${new URLSearchParams(params)}`);
    if (response.status !== 200) throw new SnapshotCheckError(`${what} answered ${response.status}`);
    const body = searchResponseSchema.safeParse(await response.json());
    if (!body.success) throw new SnapshotCheckError(`${what} answered outside the contract`);
    const found = body.data.results.filter((result) => snapshot.search.sectionById.has(result.sectionId) && (!params.doc || result.docId === params.doc));
    if (found.length === 0) throw new SnapshotCheckError(`${what} found no passage`);
  };
  for (const document of documents) {
    await search(`a lexical search of ${document.id} for its title`, { q: titleOf(document.id), mode: 'lexical', doc: document.id, limit: '3' });
  }
  if (documents.length > 0) await search('a hybrid search for a document title', { q: titleOf(documents[0].id), mode: 'hybrid', limit: '3' });
  const chat = await app.request('/api/chat', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ messages: [{ role: 'user', content: titleOf(documents[0]?.id ?? '') || 'order of protection' }] }),
  });
  if (chat.status !== 200) throw new SnapshotCheckError(`a chat answered ${chat.status}`);
  const answer = chatResponseSchema.safeParse(await chat.json());
  if (!answer.success) throw new SnapshotCheckError('a chat answered outside the contract');
  // Asked for a document by its own title, the build must answer and quote something.
  if (answer.data.status !== 'answered' || !answer.data.citations.some((citation) => citation.quote.trim().length > 0)) throw new SnapshotCheckError('a chat for a document title quoted nothing');
}
