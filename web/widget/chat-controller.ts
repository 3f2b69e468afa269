import { el } from '../shared/dom.js';
import type { Citation, Hotline } from '../shared/types.js';
import { speakableAnswer } from './answer-format.js';
import { createAnswerView, type AnswerView } from './answer-view.js';
import { ChatError, sendChat } from './chat-client.js';
import type { WidgetConfig } from './config.js';
import { createConversation } from './conversation.js';
import { soundsLikeDanger } from './danger-words.js';
import { FALLBACK_HOTLINES } from './fallback-hotlines.js';
import type { PanelParts } from './panel.js';

/** Sends questions, renders answers into the log, and can forget everything at once. */
export interface ChatController {
  ask(question: string): void;
  wipe(): void;
}

export interface ChatControllerOptions {
  config: WidgetConfig;
  parts: PanelParts;
  onReadSection(citation: Citation, opener: HTMLElement): void;
  announce(text: string): void;
}

const DANGER_NOW = 'If you are in danger right now, call 911 if it is safe to do so.';

/** Plain words for a question that got no answer; never the server's own text, which is written for developers. */
function failureWords(error: unknown, timedOut: boolean): string {
  if (timedOut) return 'This is taking too long, so I stopped waiting. Your question is still in the box: please try again.';
  if (error instanceof ChatError) {
    if (error.kind === 'too_long') return 'That message is too long for me. Please make it shorter and send it again.';
    if (error.kind === 'busy') return 'A lot of questions are coming in right now. Please wait a minute, then try again.';
    if (error.kind === 'rejected') return 'I couldn’t send that question. Please try again, perhaps in other words.';
    if (error.message === 'unreadable response') return 'I’m sorry, something went wrong with that answer. Please try again.';
  }
  return 'I’m sorry, I can’t reach the information service right now. Please try again in a moment.';
}

/** Creates the controller that connects the panel's parts to the chat endpoint. */
export function createChatController(options: ChatControllerOptions): ChatController {
  const { config, parts, announce } = options;
  const conversation = createConversation();
  let pending: { controller: AbortController; view: AnswerView; question: string } | undefined;
  let answerCount = 0;
  let hotlines: Hotline[] = FALLBACK_HOTLINES;
  parts.hotlines.show(hotlines);

  let latestQuestion: HTMLElement | undefined;
  // Follow the answer as it grows, but never past the point where its question would scroll
  // out of view: a long answer is then read from its start. When the page is very short (zoomed
  // in), the whole panel scrolls rather than the log.
  const scrollToEnd = (): void => {
    const scroller = getComputedStyle(parts.log).overflowY === 'visible' ? parts.panel : parts.log;
    const limit = latestQuestion
      ? latestQuestion.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - 12
      : scroller.scrollHeight;
    scroller.scrollTop = Math.min(scroller.scrollHeight, limit);
  };

  function stopPending(): void {
    if (!pending) return;
    pending.controller.abort();
    pending.view.cancel();
    // What it said still counts: "he hit me last week" gives the next question its context.
    conversation.addUnanswered(pending.question);
    pending = undefined;
  }

  async function run(question: string): Promise<void> {
    stopPending();
    const messages = conversation.requestMessages(question);
    const asked = el('div', { className: 'bubble user', attrs: { 'data-lumen': 'question' } }, [
      el('span', { className: 'sr-only', text: 'You asked: ' }),
      question,
    ]);
    latestQuestion = asked;
    parts.log.appendChild(asked);
    for (const previous of parts.log.querySelectorAll('[data-lumen="answer"]')) previous.setAttribute('data-lumen', 'earlier-answer');
    // Once the conversation has started, the welcome's examples are no longer in the Tab order.
    for (const suggestion of parts.log.querySelectorAll<HTMLElement>('.welcome .suggestion')) suggestion.tabIndex = -1;
    answerCount += 1;
    const view = createAnswerView({
      id: `lumen-answer-${answerCount}`,
      question,
      onReadSection: options.onReadSection,
      onAsk: (next) => void run(next),
    });
    parts.log.appendChild(view.element);
    parts.composer.clearIf(question);
    const danger = soundsLikeDanger(question);
    // Danger words get 911 on screen now, whatever the server does or how long it takes.
    if (danger) view.showDanger(hotlines);
    scrollToEnd();
    announce(danger ? DANGER_NOW : 'Looking in the sources.');

    const controller = new AbortController();
    pending = { controller, view, question };
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The clock restarts with each streamed piece: a slow but moving answer is not cut off.
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, config.timeoutMs);
    };
    arm();
    try {
      const response = await sendChat({
        endpoint: config.endpoint,
        messages,
        signal: controller.signal,
        onText: (text) => {
          arm();
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
      const spoken = speakableAnswer(response.answer);
      const prefix = (response.status === 'emergency' || danger) && !/\b911\b/.test(spoken) ? `${DANGER_NOW} ` : '';
      announce(`${prefix}${spoken}`);
    } catch (error) {
      if (controller.signal.aborted && !timedOut) return; // replaced by a newer question, or wiped
      const words = failureWords(error, timedOut);
      view.fail(words, hotlines, () => {
        asked.remove();
        view.element.remove();
        void run(question);
      });
      parts.composer.restore(question);
      announce(`${words} If you are in danger, call 911. A hotline is listed in the answer.`);
    } finally {
      clearTimeout(timer);
      if (pending?.controller === controller) pending = undefined;
      scrollToEnd();
    }
  }

  return {
    ask(question: string): void {
      void run(question);
    },
    wipe(): void {
      pending?.controller.abort();
      pending = undefined;
      conversation.wipe();
      parts.composer.clear();
      parts.log.replaceChildren();
      latestQuestion = undefined;
      parts.liveRegion.textContent = '';
    },
  };
}
