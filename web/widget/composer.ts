import { el } from '../shared/dom.js';
import { icon } from './icons.js';

/** Longest question the widget sends; the server states its own limit in its error if lower. */
export const MAX_QUESTION_LENGTH = 2000;

/** The question box and send button. */
export interface Composer {
  element: HTMLFormElement;
  input: HTMLTextAreaElement;
  setBusy(busy: boolean): void;
  clear(): void;
}

/** Creates the composer; Enter sends, Shift+Enter starts a new line. */
export function createComposer(idPrefix: string, onSubmit: (question: string) => void): Composer {
  const inputId = `${idPrefix}-input`;
  const hintId = `${idPrefix}-input-hint`;
  const input = el('textarea', {
    className: 'input',
    attrs: {
      id: inputId,
      rows: '1',
      maxlength: String(MAX_QUESTION_LENGTH),
      placeholder: 'Type your question…',
      'data-lumen': 'input',
      'aria-describedby': hintId,
      autocomplete: 'off',
      spellcheck: 'true',
    },
  });
  const send = el('button', {
    className: 'send',
    attrs: { type: 'submit', 'data-lumen': 'send', 'aria-label': 'Send question' },
  }, [icon('send')]);
  const element = el('form', { className: 'composer', attrs: { novalidate: '' } }, [
    el('label', { className: 'sr-only', attrs: { for: inputId }, text: 'Your question' }),
    el('span', { className: 'sr-only', attrs: { id: hintId }, text: 'Press Enter to send, Shift and Enter for a new line.' }),
    input,
    send,
  ]);

  let busy = false;
  const submit = (): void => {
    const question = input.value.trim();
    if (!question || busy) return;
    onSubmit(question);
  };
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  // Grow with the question up to a few lines, so long questions stay readable.
  input.addEventListener('input', () => {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight, 140)}px`;
  });

  return {
    element,
    input,
    setBusy(value: boolean): void {
      busy = value;
      send.setAttribute('aria-disabled', String(value));
    },
    clear(): void {
      input.value = '';
      input.style.height = 'auto';
    },
  };
}
