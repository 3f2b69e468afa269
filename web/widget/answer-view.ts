import { describeAsOf, formatCitation, shortDocTitle } from '../shared/citation-text.js';
import { clear, el } from '../shared/dom.js';
import type { ChatResponse, Citation, Hotline } from '../shared/types.js';
import { parseAnswer, type Segment } from './answer-format.js';
import { createCitationCard } from './citation-card.js';
import { renderCall911, renderHotlineList } from './hotlines-view.js';
import { isEmergencyNumber, telHref } from './hotline-links.js';
import { icon } from './icons.js';
import { renderNotices } from './notices-view.js';

export interface AnswerViewOptions {
  id: string;
  /** The question this bubble answers: it names the bubble, so each answer has its own accessible name. */
  question: string;
  /** Shows a cited section inside the panel; `opener` gets focus back when it closes. */
  onReadSection(citation: Citation, opener: HTMLElement): void;
  /** Asks a follow-up question (a tapped "related" question). */
  onAsk(question: string): void;
}

/** One assistant reply: streams in as text, then becomes the full cited answer. */
export interface AnswerView {
  element: HTMLElement;
  showText(textSoFar: string): void;
  /** Puts 911 and a hotline on top while the answer is still coming (danger words in the question). */
  showDanger(hotlines: Hotline[]): void;
  complete(response: ChatResponse): void;
  fail(message: string, hotlines: Hotline[], onRetry: () => void): void;
  /** A newer question replaced this one before it was answered. */
  cancel(): void;
}

/** Creates an assistant bubble that starts as a "looking in the sources" placeholder. */
export function createAnswerView(options: AnswerViewOptions): AnswerView {
  const body = el('div', { className: 'answer-text' }, [
    el('p', { className: 'thinking' }, [
      el('span', { className: 'dots', attrs: { 'aria-hidden': 'true' } }, [el('span'), el('span'), el('span')]),
      'Looking in the sources…',
    ]),
  ]);
  const short = options.question.length > 60 ? `${options.question.slice(0, 57).trimEnd()}…` : options.question;
  const element = el('article', {
    className: 'bubble bot',
    attrs: { 'aria-label': `Lumen’s answer to “${short}”`, 'aria-busy': 'true', 'data-lumen': 'answer' },
  }, [body]);
  let danger: HTMLElement | undefined;

  const finish = (status: string): void => {
    element.setAttribute('aria-busy', 'false');
    element.dataset.status = status;
    clear(element);
  };

  function showText(textSoFar: string): void {
    clear(body);
    renderBlocks(body, textSoFar, () => el('span', { className: 'cite pending', text: '…' }));
  }

  function showDanger(hotlines: Hotline[]): void {
    if (danger) return;
    danger = renderEmergency(hotlines);
    element.insertBefore(danger, body);
  }

  function complete(response: ChatResponse): void {
    const emergency = response.status === 'emergency';
    // Danger words stay answered with 911 even if the server read the message differently.
    const keepDanger = !emergency && danger;
    finish(response.status);
    if (emergency) element.appendChild(renderEmergency([]));
    else if (keepDanger) element.appendChild(keepDanger);

    const byNumber = new Map(response.citations.map((citation) => [citation.n, citation]));
    const cardSlot = el('div', { className: 'card-slot' });
    const markers: HTMLButtonElement[] = [];
    let openN: number | undefined;

    const closeCard = (returnFocus: boolean): void => {
      const was = openN;
      openN = undefined;
      clear(cardSlot);
      for (const marker of markers) marker.setAttribute('aria-expanded', 'false');
      if (returnFocus && was !== undefined) markers.find((marker) => marker.dataset.n === String(was))?.focus();
    };
    const openCard = (citation: Citation): void => {
      if (openN === citation.n) return closeCard(false);
      openN = citation.n;
      const card = createCitationCard({
        citation,
        id: `${options.id}-source`,
        onReadSection: options.onReadSection,
        onClose: () => closeCard(true),
      });
      cardSlot.replaceChildren(card);
      for (const marker of markers) marker.setAttribute('aria-expanded', String(marker.dataset.n === String(citation.n)));
      card.focus({ preventScroll: true });
      card.scrollIntoView({ block: 'nearest' });
    };

    // The emergency block already says "call 911": the text's own 911 line would say it twice.
    const answerText = emergency ? response.answer.split('\n').filter((line) => !/\b911\b/.test(line)).join('\n') : response.answer;
    const text = el('div', { className: 'answer-text' });
    renderBlocks(text, answerText, (n) => {
      const citation = byNumber.get(n);
      if (!citation) return document.createTextNode(`[${n}]`);
      const marker = el('button', {
        className: 'cite',
        text: String(n),
        attrs: {
          type: 'button',
          'data-lumen': 'citation',
          'aria-label': `Source ${n}: ${formatCitation({ ...citation, title: citation.sectionPath[citation.sectionPath.length - 1] })}`,
          'aria-expanded': 'false',
          'aria-controls': `${options.id}-source`,
        },
      });
      marker.dataset.n = String(n);
      marker.addEventListener('click', () => openCard(citation));
      markers.push(marker);
      return marker;
    }, new Set(byNumber.keys()));
    // Notices (how current a source is) come after the answer's first sentence, folded, so the answer leads.
    if (response.notices.length > 0) text.insertBefore(renderNotices(response.notices), text.children[1] ?? null);
    element.append(text, cardSlot);

    if (response.citations.length > 0) element.appendChild(renderSourcesLine(response.citations));
    if (!keepDanger && (emergency || response.status === 'not_found' || response.status === 'out_of_scope')) {
      // Hotlines the answer already names are tappable in its text; list only the others.
      const others = response.hotlines.filter((hotline) => !isEmergencyNumber(hotline) && !(hotline.phone && answerText.includes(hotline.phone)));
      if (others.length > 0) {
        if (!emergency) element.append(el('p', { className: 'hotline-intro', text: 'People who can help with this:' }));
        element.append(renderHotlineList(others));
      }
    }
    if (!emergency && response.related.length > 0) {
      element.appendChild(
        el('div', { className: 'related', attrs: { 'data-lumen': 'related' } }, [
          el('p', { className: 'suggest-label', text: 'You could also ask:' }),
          el('ul', { className: 'suggestions' }, response.related.map((related) => {
            const button = el('button', { className: 'suggestion', text: related.question, attrs: { type: 'button' } });
            button.addEventListener('click', () => options.onAsk(related.question));
            return el('li', {}, [button]);
          })),
        ]),
      );
    }
    // Someone in danger needs the way out, not a legal disclaimer.
    if (response.disclaimer && !emergency) element.appendChild(el('p', { className: 'disclaimer', text: response.disclaimer }));
  }

  function fail(message: string, hotlines: Hotline[], onRetry: () => void): void {
    const keepDanger = danger;
    finish('error');
    const retry = el('button', { className: 'retry', attrs: { type: 'button', 'data-lumen': 'retry' } }, ['Try again']);
    retry.addEventListener('click', onRetry);
    element.append(
      ...(keepDanger ? [keepDanger] : []),
      el('div', { className: 'answer-text' }, [el('p', { text: message })]),
      retry,
      // The danger block already holds 911 and the hotline; otherwise they come here.
      ...(keepDanger ? [] : [el('p', { className: 'hotline-intro', text: 'If you are in danger or want to talk to someone now:' }), renderCall911('compact'), renderHotlineList(hotlines)]),
    );
  }

  function cancel(): void {
    finish('cancelled');
    element.append(el('p', { className: 'cancelled', text: 'Stopped: you sent a new message.' }));
  }

  return { element, showText, showDanger, complete, fail, cancel };
}

/** The emergency block: 911 first and largest; the hotlines that came with it follow. */
function renderEmergency(hotlines: Hotline[]): HTMLElement {
  return el('div', { className: 'emergency-wrap', attrs: { role: 'group', 'aria-label': 'Help right now' } }, [
    el('div', { className: 'emergency' }, [el('p', { className: 'emergency-title', text: 'If you are in danger right now' }), renderCall911('large')]),
    hotlines.some((hotline) => !isEmergencyNumber(hotline)) ? renderHotlineList(hotlines) : null,
  ]);
}

/** Paragraphs and bullet lists, with each [n] marker made by `marker`. */
function renderBlocks(
  target: HTMLElement,
  text: string,
  marker: (n: number) => Node,
  known?: ReadonlySet<number>,
): void {
  const fill = (parent: HTMLElement, segments: Segment[]): HTMLElement => {
    for (const segment of segments) {
      if (segment.kind === 'text') parent.appendChild(document.createTextNode(segment.text));
      else if (segment.kind === 'phone') parent.appendChild(el('a', { className: 'phone-link', attrs: { href: telHref(segment.text) }, text: segment.text }));
      else parent.appendChild(marker(segment.n));
    }
    return parent;
  };
  for (const block of parseAnswer(text, known)) {
    if (block.kind === 'paragraph') target.appendChild(fill(el('p'), block.segments));
    else target.appendChild(el('ul', {}, block.items.map((item) => fill(el('li'), item))));
  }
}

/** "From: DoDI 6400.06 (as of July 11, 2024) · WomensLaw Missouri Q&A (undated)". */
function renderSourcesLine(citations: Citation[]): HTMLElement {
  const seen = new Map<string, string>();
  for (const citation of citations) {
    if (!seen.has(citation.docId)) seen.set(citation.docId, `${shortDocTitle(citation.docTitle)} (${describeAsOf(citation.asOf)})`);
  }
  return el('p', { className: 'sources-line' }, [icon('book'), `From ${[...seen.values()].join(' · ')}`]);
}
