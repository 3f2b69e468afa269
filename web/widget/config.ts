import { safeWebUrl } from './hotline-links.js';

/** Where the widget talks to and where quick exit goes. */
export interface WidgetConfig {
  /** Absolute URL of POST /api/chat. */
  endpoint: string;
  /** Absolute URL that quick exit replaces the page with. */
  exitUrl: string;
  /** Base for links to Lumen's own pages (/staff#section=...): the server the script came from. */
  lumenBase: string;
}

/** Neutral page quick exit goes to when the integrator does not choose one. */
export const DEFAULT_EXIT_URL = 'https://www.google.com/search?q=weather';

/** Reads data-endpoint and data-exit-url from the embedding script tag. */
export function readConfig(script: HTMLScriptElement | null, pageUrl: string): WidgetConfig {
  // The API lives with the script, so a relative data-endpoint is read against the
  // script's own URL: an integrator on another site can still write "/api/chat".
  const scriptUrl = script?.src ? script.src : pageUrl;
  const endpoint = safeWebUrl(script?.dataset.endpoint || '/api/chat', scriptUrl) ?? new URL('/api/chat', scriptUrl).href;
  // A relative exit URL is the integrator's own page, so it is read against the page.
  const requestedExit = script?.dataset.exitUrl;
  const exitUrl = requestedExit === 'about:blank' ? requestedExit : safeWebUrl(requestedExit, pageUrl) ?? DEFAULT_EXIT_URL;
  return { endpoint, exitUrl, lumenBase: new URL('/', endpoint).href };
}

/** Link to the whole section on Lumen's staff page. */
export function sectionLink(config: WidgetConfig, sectionId: string): string {
  return new URL(`/staff#section=${encodeURIComponent(sectionId)}`, config.lumenBase).href;
}
