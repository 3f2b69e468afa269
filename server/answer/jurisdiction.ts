import type { Places } from '../../ingest/corpus.js';

/** Places the documents do not speak for, found in a question. */
export interface PlaceCheck {
  /** Names of uncovered places the text mentions ("nebraska"). */
  otherPlaces: string[];
}

/** A checker for uncovered places in text, from the build's places.json. */
export function createPlaceChecker(places: Places): (text: string) => PlaceCheck {
  const covered = new Set(places.covered);
  const patterns = places.places
    .filter((place) => !covered.has(place))
    .map((place) => ({ place, pattern: new RegExp(`\\b${place.replace(/[.]/g, '\\.').replace(/ /g, '\\s+')}\\b`, 'i') }));
  return (text) => ({ otherPlaces: patterns.filter(({ pattern }) => pattern.test(text)).map(({ place }) => place) });
}

/** Quoted text that speaks about orders crossing state lines, which the documents do cover. */
const CROSS_STATE = /\b(other|another|different|new|any|each|every|issuing|that) states?\b|\bout-of-state\b|\bforeign order|\bstate lines?\b|\b18 U\.S\.C\b|\bfull faith\b|\bother jurisdiction/i;

/** True when the cited quotes speak about other states, so an answer to a question naming one still fits. */
export function speaksAcrossStates(quotes: string[]): boolean {
  return quotes.some((quote) => CROSS_STATE.test(quote));
}
