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
    },
  }, [
    icon('chat', 'icon launcher-icon when-closed'),
    icon('chevron', 'icon launcher-icon when-open'),
    el('span', { className: 'launcher-text' }, [
      el('span', { className: 'launcher-title', text: 'Questions about protective orders?' }),
      el('span', { className: 'launcher-sub', text: 'Ask Lumen · cited legal information' }),
    ]),
  ]);
}
