import { MESSAGE_CSS } from './styles-messages.js';
import { SHELL_CSS } from './styles-shell.js';

// Palette: deep plum for structure, teal for sources and links, rose only for
// exit and emergency. Every text colour is at least 4.5:1 on its background.
const BASE_CSS = `
.lumen {
  --plum-900: #2f1a4a; --plum-800: #3b1f5c; --plum-700: #4b2a72; --plum-600: #5a2f86;
  --plum-100: #f4effa; --plum-200: #e6dcf1;
  --teal-800: #0b5e58; --teal-700: #0f6e68; --teal-100: #e7f5f3; --teal-200: #cfe6e3;
  --rose-800: #8c1d18; --rose-700: #b3261e; --rose-100: #fff1f1;
  --ink: #221b2e; --muted: #5c5568; --line: #ece6f3; --paper: #ffffff; --wash: #faf8fc;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif;
  font-size: 15px; line-height: 1.5; color: var(--ink);
  -webkit-font-smoothing: antialiased; text-align: left;
}
.lumen *, .lumen *::before, .lumen *::after { box-sizing: border-box; }
.lumen button, .lumen textarea { font: inherit; letter-spacing: normal; text-transform: none; }
.lumen a { color: var(--teal-800); }
.lumen :focus-visible { outline: 3px solid var(--teal-700); outline-offset: 2px; }
.icon { width: 18px; height: 18px; fill: none; stroke: currentColor; stroke-width: 2;
  stroke-linecap: round; stroke-linejoin: round; flex: none; }
.sr-only { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media (prefers-reduced-motion: reduce) {
  .lumen *, .lumen *::before, .lumen *::after { animation: none !important; transition: none !important; }
}
`;

/** The widget's whole stylesheet. */
export const WIDGET_CSS = BASE_CSS + SHELL_CSS + MESSAGE_CSS;

/**
 * Puts the stylesheet into the shadow root. A constructed stylesheet is not an
 * inline <style>, so it works even on host pages whose CSP forbids inline styles.
 */
export function applyStyles(shadow: ShadowRoot): void {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    shadow.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = WIDGET_CSS;
  shadow.appendChild(style);
}
