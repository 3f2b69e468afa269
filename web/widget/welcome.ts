import { el } from '../shared/dom.js';
import { icon } from './icons.js';

const SUGGESTIONS = [
  'How long does a full order of protection last in Missouri?',
  'What is a military protective order?',
  'Can civilian police enforce an MPO?',
];

/** The first message: what Lumen can answer, a few example questions, what the device may keep, and how to cover tracks. */
export function renderWelcome(onAsk: (question: string) => void): HTMLElement {
  return el('div', { className: 'welcome' }, [
    el('p', { className: 'welcome-lead', text: 'Hello. You can ask about protective orders here.' }),
    el('p', {
      text: 'Lumen answers from three sources: WomensLaw’s Missouri guide, its page on military protective orders, and DoD Instruction 6400.06. Every answer shows where it comes from.',
    }),
    el('p', { className: 'suggest-label', attrs: { id: 'lumen-suggest-label' }, text: 'You could ask:' }),
    el('ul', { className: 'suggestions', attrs: { 'aria-labelledby': 'lumen-suggest-label' } }, SUGGESTIONS.map((question) => {
      const button = el('button', { className: 'suggestion', text: question, attrs: { type: 'button' } });
      button.addEventListener('click', () => onAsk(question));
      return el('li', {}, [button]);
    })),
    el('div', { className: 'privacy' }, [
      icon('shield'),
      el('div', {}, [
        el('p', {
          text: 'This chat saves nothing: close or leave the page and it is gone. Your device may still keep other traces, such as browser history. To leave fast, use Quick exit or press Shift three times.',
        }),
        el('details', { className: 'tracks', attrs: { 'data-lumen': 'cover-tracks' } }, [
          el('summary', { text: 'How to cover your tracks' }),
          el('p', {
            text: 'Quick exit takes this page out of the Back history, but your browser still lists the pages you visited. A private (incognito) window keeps no history at all. Otherwise, delete this site from your history; clearing all of it can itself be noticed. If someone may be watching your device, a library or a friend’s phone is safer.',
          }),
        ]),
      ]),
    ]),
    // A note, not a <footer>: a second contentinfo landmark would confuse the host page's outline.
    el('p', { className: 'legal-note' }, [el('strong', { text: 'Legal information, not legal advice.' }), ' Nothing you type is saved; your device may keep other traces.']),
  ]);
}
