const FOCUSABLE = 'button:not([disabled]), a[href], textarea, input, [tabindex]:not([tabindex="-1"])';

/**
 * When the panel fills a phone screen, Tab past its last control wraps to its first
 * (quick exit) instead of wandering into the hidden host page behind it.
 */
export function wrapFocusWhenFullScreen(panel: HTMLElement): void {
  // The same breakpoints as the stylesheet's full-screen panel: a phone, or a short (zoomed-in) window.
  const fullScreen = window.matchMedia('(max-width: 480px), (max-height: 560px)');
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab' || !fullScreen.matches) return;
    const focusable = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.offsetParent !== null);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = (panel.getRootNode() as ShadowRoot).activeElement;
    if (!first || !last) return;
    if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    } else if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    }
  });
}
