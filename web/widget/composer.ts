import { el } from '../shared/dom.js';
import { icon } from './icons.js';

/** Longest question the widget sends; the server states its own limit in its error if lower. */
export const MAX_QUESTION_LENGTH = 2000;

/** The question box and send button. */
export interface Composer {
  element: HTMLFormElement;
  input: HTMLTextAreaElement;
  /** Empties the box if it still holds `question` (a tapped suggestion leaves a half-typed draft alone). */
  clearIf(question: string): void;
  /** Puts a question that got no answer back in the box, unless something new is being typed. */
  restore(question: string): void;
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

  // Never blocked while an answer is pending: a new message (perhaps "he is here now") must go at once.
  const submit = (): void => {
    const question = input.value.trim();
    if (question) onSubmit(question);
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
  const fit = (): void => {
    input.style.height = 'auto';
    if (input.value) input.style.height = `${Math.min(input.scrollHeight, 140)}px`;
  };
  input.addEventListener('input', fit);
  const clear = (): void => {
    input.value = '';
    fit();
  };

  return {
    element,
    input,
    clearIf(question: string): void {
      if (input.value.trim() === question) clear();
    },
    restore(question: string): void {
      if (input.value.trim() === '') {
        input.value = question;
        fit();
      }
    },
    clear,
  };
}
