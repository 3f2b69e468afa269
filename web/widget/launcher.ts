import { el } from '../shared/dom.js';
import { icon } from './icons.js';

/** The floating button that opens and closes the panel. */
export function createLauncher(panelId: string): HTMLButtonElement {
  return el('button', {
    className: 'launcher',
    attrs: {
      type: 'button',
      'data-lumen': 'launcher',
      'aria-expanded': 'false',
      'aria-controls': panelId,
      'aria-label': 'Ask about protective orders',
    },
  }, [
    icon('chat', 'icon launcher-icon'),
    el('span', { className: 'launcher-text', attrs: { 'aria-hidden': 'true' } }, [
      el('span', { className: 'launcher-title', text: 'Questions about protective orders?' }),
      el('span', { className: 'launcher-sub', text: 'Ask Lumen · cited legal information' }),
    ]),
  ]);
}
