import { el } from '../shared/dom.js';
import { createComposer, type Composer } from './composer.js';
import { createHotlineStrip } from './hotlines-view.js';
import { icon } from './icons.js';
import { createQuickExitButton } from './quick-exit.js';

export interface PanelParts {
  panel: HTMLElement;
  closeButton: HTMLButtonElement;
  log: HTMLElement;
  liveRegion: HTMLElement;
  composer: Composer;
  hotlines: ReturnType<typeof createHotlineStrip>;
  /** Where the section reader goes: between the conversation and the question box. */
  readerSlot: HTMLElement;
}

export interface PanelOptions {
  id: string;
  onExit(): void;
  onSubmit(question: string): void;
}

/** Builds the chat panel: quick exit first, then the title, hotlines, conversation and question box. */
export function createPanel(options: PanelOptions): PanelParts {
  const titleId = `${options.id}-title`;
  const closeButton = el('button', {
    className: 'icon-button close',
    attrs: { type: 'button', 'aria-label': 'Close chat' },
  }, [icon('close')]);
  // A div, not <header>: inside a host page a <header> would add a second banner landmark.
  const header = el('div', { className: 'header' }, [
    createQuickExitButton(options.onExit),
    el('div', { className: 'titles' }, [
      el('h2', { className: 'title', attrs: { id: titleId }, text: 'Lumen' }),
      el('p', { className: 'subtitle', text: 'Protective order information' }),
    ]),
    closeButton,
  ]);
  const hotlines = createHotlineStrip(options.id);
  const log = el('div', {
    className: 'log',
    attrs: { role: 'region', 'aria-label': 'Conversation', tabindex: '0' },
  });
  // Separate from the log: only finished answers are announced, not every streamed piece.
  const liveRegion = el('div', { className: 'sr-only', attrs: { 'aria-live': 'polite', 'aria-atomic': 'true', 'data-lumen': 'live' } });
  const composer = createComposer(options.id, options.onSubmit);
  const readerSlot = el('div', { className: 'reader-slot' });
  const panel = el('section', {
    className: 'panel',
    attrs: {
      id: options.id,
      role: 'dialog',
      'aria-modal': 'false',
      'aria-labelledby': titleId,
      'data-lumen': 'panel',
      // Focus lands on the panel itself on touch screens, so no keyboard hides the welcome.
      tabindex: '-1',
      hidden: '',
    },
  }, [header, hotlines.element, log, readerSlot, liveRegion, composer.element]);
  return { panel, closeButton, log, liveRegion, composer, hotlines, readerSlot };
}
