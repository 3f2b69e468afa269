import hotlineData from '../../corpus/hotlines.json' with { type: 'json' };
import type { Hotline } from '../shared/types.js';
import { CARRIED_HOTLINE_IDS } from './carried-hotlines.js';

// The hotline data lives in corpus/hotlines.json and arrives with every answer. The widget
// still has to point somewhere when the server cannot be reached, so the bundle carries two
// entries of that same file (read at build time, so an update there reaches the widget).

/** Shown before the first answer and whenever the server is unreachable. */
export const FALLBACK_HOTLINES: Hotline[] = CARRIED_HOTLINE_IDS.map((id) => {
  const entry = (hotlineData.hotlines as Hotline[]).find((hotline) => hotline.id === id);
  if (!entry) throw new Error(`corpus/hotlines.json has no "${id}" entry, which the widget needs offline`);
  return { id: entry.id, name: entry.name, phone: entry.phone, text: entry.text, url: entry.url, chat: entry.chat, tty: entry.tty, when: entry.when };
});
