/**
 * Ids of the corpus/hotlines.json entries the widget carries for when the server cannot be
 * reached: 911 and the national line every other service in the list also refers callers to.
 * The bundler keeps only these entries and the fields the widget shows (web/bundle.ts).
 */
export const CARRIED_HOTLINE_IDS = ['emergency', 'ndvh'];

/** The fields of a hotline entry the widget uses. */
export const CARRIED_FIELDS = ['id', 'name', 'phone', 'text', 'url', 'chat', 'tty', 'when'];
