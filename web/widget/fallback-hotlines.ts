import type { Hotline } from '../shared/types.js';

// The hotline data lives in corpus/hotlines.json and arrives with every answer.
// These two are the only ones the widget carries itself, because it must still
// point somewhere when the server cannot be reached: 911 and the national line
// that every other service in the list also refers callers to.
/** Shown before the first answer and whenever the server is unreachable. */
export const FALLBACK_HOTLINES: Hotline[] = [
  { id: 'emergency', name: 'Emergency services', phone: '911' },
  {
    id: 'ndvh',
    name: 'National Domestic Violence Hotline',
    phone: '1-800-799-7233',
    text: 'Text START to 88788',
    url: 'https://www.thehotline.org',
  },
];
