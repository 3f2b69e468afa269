import type { ChatMessage, RetrievalMode } from '../contract.js';
import type { SearchIndex } from '../retrieve/search-index.js';
import { resolveParams, type ParamOverrides } from './params.js';
import { retrieve } from './retrieve.js';
import type { Candidate } from './types.js';
import { understand } from './understand.js';

/**
 * Ranked sections for a conversation or a staff lookup: the chat's own understand and retrieve stages,
 * so "firearms order of protection missouri" is read the same way in both.
 */
export async function searchSections(
  index: SearchIndex,
  options: { messages: ChatMessage[]; mode: RetrievalMode; limit: number; docId?: string; params?: ParamOverrides; placesIn?: (text: string) => { otherPlaces: string[] } },
): Promise<Candidate[]> {
  const plan = understand(options.messages, { index, placesIn: options.placesIn ?? (() => ({ otherPlaces: [] })) });
  return retrieve(plan, index, { mode: options.mode, limit: options.limit, docId: options.docId, params: resolveParams(options.params).retrieve });
}
