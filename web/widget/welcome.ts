import { el } from '../shared/dom.js';
import { icon } from './icons.js';

const SUGGESTIONS = [
  'How long does a full order of protection last in Missouri?',
  'What is a military protective order?',
  'Can civilian police enforce an MPO?',
];

/** The first message: what Lumen can answer, a few example questions, and what the device may keep. */
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
      el('p', {
        text: 'This chat saves nothing: close or leave the page and it is gone. Your device may still keep other traces, such as browser history. To leave fast, use Quick exit or press Shift three times.',
      }),
    ]),
  ]);
}
