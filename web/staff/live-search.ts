import type { SearchResponse } from '../shared/types.js';
import { fetchSearch } from './api-client.js';

/**
 * Pause after the last keystroke before searching. Typing runs at 100-250 ms a key, so a shorter
 * pause sent a request per keystroke (14-37 per query); this one waits for a word to be finished.
 */
export const DEBOUNCE_MS = 300;

export interface LiveSearchOptions {
  onResults(response: SearchResponse): void;
  onError(message: string): void;
  onClear(): void;
}

/** Search-as-you-type: debounced, and a newer query aborts the request of an older one. */
export function createLiveSearch(options: LiveSearchOptions): (query: string, docId: string) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;
  let lastKey = '';
  return (query: string, docId: string): void => {
    clearTimeout(timer);
    const trimmed = query.trim().replace(/\s+/g, ' ');
    const key = `${docId}\n${trimmed}`;
    // A trailing space or a filter click that changes nothing asks nothing new.
    if (trimmed && key === lastKey) return;
    inFlight?.abort();
    inFlight = undefined;
    lastKey = key;
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
          if (controller.signal.aborted) return;
          lastKey = ''; // the same query may be tried again
          options.onError(error instanceof Error ? error.message : 'Search failed.');
        },
      );
    }, DEBOUNCE_MS);
  };
}
