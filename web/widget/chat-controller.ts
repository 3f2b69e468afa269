import { el } from '../shared/dom.js';
import type { Hotline } from '../shared/types.js';
import { speakableAnswer } from './answer-format.js';
import { createAnswerView } from './answer-view.js';
import { ChatError, sendChat } from './chat-client.js';
import { sectionLink, type WidgetConfig } from './config.js';
import { createConversation } from './conversation.js';
import { FALLBACK_HOTLINES } from './fallback-hotlines.js';
import type { PanelParts } from './panel.js';

/** Sends questions, renders answers into the log, and can forget everything at once. */
export interface ChatController {
  ask(question: string): void;
  wipe(): void;
}

/** Creates the controller that connects the panel's parts to the chat endpoint. */
export function createChatController(config: WidgetConfig, parts: PanelParts): ChatController {
  const conversation = createConversation();
  let inFlight: AbortController | undefined;
  let answerCount = 0;
  let hotlines: Hotline[] = FALLBACK_HOTLINES;
  parts.hotlines.show(hotlines);

  let latestQuestion: HTMLElement | undefined;
  // Follow the answer as it grows, but never past the point where its question
  // would scroll out of view: a long answer is then read from its start.
  const scrollToEnd = (): void => {
    const limit = latestQuestion ? latestQuestion.offsetTop - 12 : parts.log.scrollHeight;
    parts.log.scrollTop = Math.min(parts.log.scrollHeight, limit);
  };
  const announce = (text: string): void => {
    // Clearing first makes a repeated identical answer be read again.
    parts.liveRegion.textContent = '';
    window.setTimeout(() => {
      parts.liveRegion.textContent = text;
    }, 50);
  };

  async function run(question: string): Promise<void> {
    const messages = conversation.requestMessages(question);
    latestQuestion = el('div', { className: 'bubble user', attrs: { 'data-lumen': 'question' } }, [
      el('span', { className: 'sr-only', text: 'You asked: ' }),
      question,
    ]);
    parts.log.appendChild(latestQuestion);
    for (const previous of parts.log.querySelectorAll('[data-lumen="answer"]')) previous.setAttribute('data-lumen', 'earlier-answer');
    answerCount += 1;
    const view = createAnswerView({ id: `lumen-answer-${answerCount}`, sectionHref: (id) => sectionLink(config, id) });
    parts.log.appendChild(view.element);
    scrollToEnd();
    parts.composer.clear();
    parts.composer.setBusy(true);
    announce('Looking in the sources.');

    const controller = new AbortController();
    inFlight = controller;
    try {
      const response = await sendChat({
        endpoint: config.endpoint,
        messages,
        signal: controller.signal,
        onText: (text) => {
          view.showText(text);
          scrollToEnd();
        },
      });
      if (controller.signal.aborted) return;
      view.complete(response);
      conversation.addTurn(question, response.answer);
      if (response.hotlines.length > 0) {
        hotlines = response.hotlines;
        parts.hotlines.show(hotlines);
      }
      const prefix = response.status === 'emergency' ? 'If you are in danger right now, call 911 if it is safe to do so. ' : '';
      announce(`${prefix}${speakableAnswer(response.answer)}`);
    } catch (error) {
      if (controller.signal.aborted) return;
      const message =
        error instanceof ChatError && error.kind === 'rejected'
          ? `I couldn’t send that question. ${error.message}`
          : 'I’m sorry, I can’t reach the information service right now. Please try again in a moment.';
      view.fail(message, hotlines);
      announce(`${message} Hotlines are listed below.`);
    } finally {
      if (inFlight === controller) {
        inFlight = undefined;
        parts.composer.setBusy(false);
      }
      scrollToEnd();
    }
  }

  return {
    ask(question: string): void {
      if (inFlight) return;
      void run(question);
    },
    wipe(): void {
      inFlight?.abort();
      inFlight = undefined;
      conversation.wipe();
      parts.composer.clear();
      parts.log.replaceChildren();
      latestQuestion = undefined;
      parts.liveRegion.textContent = '';
    },
  };
}
