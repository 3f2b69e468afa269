// Entry of widget.js: <script src=".../widget.js" data-endpoint="/api/chat" data-exit-url="..." defer>
import { readConfig } from './config.js';
import { HOST_TAG, mountWidget } from './mount.js';

// currentScript is only set while this file first runs, so read it before anything waits.
const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[src*="widget.js"]');

function start(): void {
  if (document.querySelector(HOST_TAG)) return; // embedded twice: keep one widget
  mountWidget(readConfig(script, window.location.href));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
