import { safeWebUrl } from './hotline-links.js';

/** Where the widget talks to and where quick exit goes. */
export interface WidgetConfig {
  /** Absolute URL of POST /api/chat. */
  endpoint: string;
  /** Absolute URL that quick exit replaces the page with. */
  exitUrl: string;
  /** Base for Lumen's own API beside the chat (/api/sections/...): the server the script came from. */
  lumenBase: string;
  /** How long to wait for an answer (restarted by each streamed piece) before offering Retry. */
  timeoutMs: number;
  /** data-quick-exit="always": a Quick exit button stays on screen while the panel is closed. */
  quickExitAlways: boolean;
}

/** Neutral page quick exit goes to when the integrator does not choose one. */
export const DEFAULT_EXIT_URL = 'https://www.google.com/search?q=weather';

/** Default wait for an answer: long enough for a slow phone network, short enough that nobody waits in silence. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** Reads data-endpoint, data-exit-url, data-quick-exit and data-timeout-ms from the embedding script tag. */
export function readConfig(script: HTMLScriptElement | null, pageUrl: string): WidgetConfig {
  // The API lives with the script, so a relative data-endpoint is read against the
  // script's own URL: an integrator on another site can still write "/api/chat".
  const scriptUrl = script?.src ? script.src : pageUrl;
  const endpoint = safeWebUrl(script?.dataset.endpoint || '/api/chat', scriptUrl) ?? new URL('/api/chat', scriptUrl).href;
  // A relative exit URL is the integrator's own page, so it is read against the page.
  const requestedExit = script?.dataset.exitUrl;
  const exitUrl = requestedExit === 'about:blank' ? requestedExit : safeWebUrl(requestedExit, pageUrl) ?? DEFAULT_EXIT_URL;
  const timeout = Number(script?.dataset.timeoutMs);
  return {
    endpoint,
    exitUrl,
    lumenBase: new URL('/', endpoint).href,
    timeoutMs: Number.isFinite(timeout) && timeout >= 1000 && timeout <= 120_000 ? timeout : DEFAULT_TIMEOUT_MS,
    quickExitAlways: script?.dataset.quickExit === 'always',
  };
}
