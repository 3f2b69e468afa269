import type { SearchResponse } from '../shared/types.js';
import { fetchSearch } from './api-client.js';

/** Pause after the last keystroke before searching: fast enough to feel instant, slow enough to skip mid-word queries. */
export const DEBOUNCE_MS = 80;

export interface LiveSearchOptions {
  onResults(response: SearchResponse): void;
  onError(message: string): void;
  onClear(): void;
}

/** Search-as-you-type: debounced, and a newer query aborts the request of an older one. */
export function createLiveSearch(options: LiveSearchOptions): (query: string, docId: string) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;
  return (query: string, docId: string): void => {
    clearTimeout(timer);
    inFlight?.abort();
    inFlight = undefined;
    const trimmed = query.trim();
    if (!trimmed) {
      options.onClear();
      return;
    }
    timer = setTimeout(() => {
      const controller = new AbortController();
      inFlight = controller;
      fetchSearch(trimmed, docId, controller.signal).then(
        (response) => {
          if (!controller.signal.aborted) options.onResults(response);
        },
        (error: unknown) => {
          if (!controller.signal.aborted) options.onError(error instanceof Error ? error.message : 'Search failed.');
        },
      );
    }, DEBOUNCE_MS);
  };
}
