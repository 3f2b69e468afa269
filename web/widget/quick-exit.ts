import { el } from '../shared/dom.js';
import { icon } from './icons.js';
import { createTripleShiftDetector } from './triple-shift.js';

/** The quick-exit button; first in the panel so it is the first thing reached. */
export function createQuickExitButton(onExit: () => void, extraClass = ''): HTMLButtonElement {
  const button = el('button', {
    className: `quick-exit ${extraClass}`.trim(),
    attrs: {
      type: 'button',
      'data-lumen': 'quick-exit',
      'aria-label': 'Quick exit: leave this page now. Shortcut: press Shift three times.',
      title: 'Leave this page now (or press Shift 3 times)',
    },
  }, [icon('exit'), el('span', { text: 'Quick exit' }), el('span', { className: 'exit-count', attrs: { 'aria-hidden': 'true' } })]);
  button.addEventListener('click', onExit);
  return button;
}

/**
 * Listens for Shift pressed three times anywhere on the page, panel open or not.
 * Capture phase on window, so a host page that stops propagation cannot swallow it.
 * Returns a function that removes the listener.
 */
export function installExitShortcut(onExit: () => void, onCount: (count: number) => void = () => undefined): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const detect = createTripleShiftDetector({
    windowMs: 1000,
    onCount: (count) => {
      onCount(count);
      // The count fades with the one-second window it belongs to.
      clearTimeout(timer);
      if (count > 0) timer = setTimeout(() => onCount(0), 1000);
    },
  });
  const listener = (event: KeyboardEvent): void => {
    if (detect({ key: event.key, repeat: event.repeat })) onExit();
  };
  window.addEventListener('keydown', listener, true);
  return () => {
    clearTimeout(timer);
    window.removeEventListener('keydown', listener, true);
  };
}

/**
 * Leaves for the neutral page: blanks the screen at once (the next page can take a
 * moment to load), then replaces this history entry so Back does not return here.
 */
export function leavePage(exitUrl: string): void {
  document.documentElement.style.setProperty('visibility', 'hidden', 'important');
  document.title = '';
  window.location.replace(exitUrl);
}
