import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const placesSchema = z.object({ covered: z.array(z.string()), places: z.array(z.string().min(2)).min(1) });

/** Places the documents do not speak for, found in a question. */
export interface PlaceCheck {
  /** Names of uncovered places the text mentions ("nebraska"). */
  otherPlaces: string[];
}

/** Loads corpus/places.json and returns a checker for uncovered places in text. */
export function createPlaceChecker(corpusDir: string): (text: string) => PlaceCheck {
  const path = join(corpusDir, 'places.json');
  const parsed = placesSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const covered = new Set(parsed.data.covered);
  const patterns = parsed.data.places
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
