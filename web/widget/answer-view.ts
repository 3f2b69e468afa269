import { describeAsOf, formatCitation, shortDocTitle } from '../shared/citation-text.js';
import { clear, el } from '../shared/dom.js';
import type { ChatResponse, Citation, Hotline } from '../shared/types.js';
import { parseAnswer, type Segment } from './answer-format.js';
import { createCitationCard } from './citation-card.js';
import { renderEmergency, renderHotlineList } from './hotlines-view.js';
import { telHref } from './hotline-links.js';
import { icon } from './icons.js';
import { renderNotices } from './notices-view.js';

export interface AnswerViewOptions {
  id: string;
  sectionHref(sectionId: string): string;
}

/** One assistant reply: streams in as text, then becomes the full cited answer. */
export interface AnswerView {
  element: HTMLElement;
  showText(textSoFar: string): void;
  complete(response: ChatResponse): void;
  fail(message: string, hotlines: Hotline[]): void;
}

/** Creates an assistant bubble that starts as a "looking in the sources" placeholder. */
export function createAnswerView(options: AnswerViewOptions): AnswerView {
  const body = el('div', { className: 'answer-text' }, [
    el('p', { className: 'thinking' }, [
      el('span', { className: 'dots', attrs: { 'aria-hidden': 'true' } }, [el('span'), el('span'), el('span')]),
      'Looking in the sources…',
    ]),
  ]);
  const element = el('article', {
    className: 'bubble bot',
    attrs: { 'aria-label': 'Lumen’s answer', 'aria-busy': 'true', 'data-lumen': 'answer' },
  }, [body]);

  function showText(textSoFar: string): void {
    clear(body);
    renderBlocks(body, textSoFar, () => el('span', { className: 'cite pending', text: '…' }));
  }

  function complete(response: ChatResponse): void {
    element.setAttribute('aria-busy', 'false');
    element.dataset.status = response.status;
    clear(element);
    if (response.status === 'emergency') element.appendChild(renderEmergency(response.hotlines));
    if (response.notices.length > 0) element.appendChild(renderNotices(response.notices));

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
        sectionHref: options.sectionHref(citation.sectionId),
        onClose: () => closeCard(true),
      });
      cardSlot.replaceChildren(card);
      for (const marker of markers) marker.setAttribute('aria-expanded', String(marker.dataset.n === String(citation.n)));
      card.focus({ preventScroll: true });
      card.scrollIntoView({ block: 'nearest' });
    };

    const text = el('div', { className: 'answer-text' });
    renderBlocks(text, response.answer, (n) => {
      const citation = byNumber.get(n);
      if (!citation) return document.createTextNode(`[${n}]`);
      const marker = el('button', {
        className: 'cite',
        text: String(n),
        attrs: {
          type: 'button',
          'data-lumen': 'citation',
          'aria-label': `Source ${n}: ${formatCitation(citation)}`,
          'aria-expanded': 'false',
          'aria-controls': `${options.id}-source`,
        },
      });
      marker.dataset.n = String(n);
      marker.addEventListener('click', () => openCard(citation));
      markers.push(marker);
      return marker;
    }, new Set(byNumber.keys()));
    element.append(text, cardSlot);

    if (response.citations.length > 0) element.appendChild(renderSourcesLine(response.citations));
    if (response.status === 'not_found' || response.status === 'out_of_scope') {
      // Hotlines the answer already names are tappable in its text; list only the others.
      const others = response.hotlines.filter((hotline) => (hotline.phone ?? '') !== '911' && !(hotline.phone && response.answer.includes(hotline.phone)));
      if (others.length > 0) {
        element.append(el('p', { className: 'hotline-intro', text: 'People who can help with this:' }), renderHotlineList(others));
      }
    }
    if (response.disclaimer) element.appendChild(el('p', { className: 'disclaimer', text: response.disclaimer }));
  }

  function fail(message: string, hotlines: Hotline[]): void {
    element.setAttribute('aria-busy', 'false');
    element.dataset.status = 'error';
    element.replaceChildren(
      el('div', { className: 'answer-text' }, [el('p', { text: message })]),
      el('p', { className: 'hotline-intro', text: 'If you would like to talk to someone now:' }),
      renderHotlineList(hotlines),
    );
  }

  return { element, showText, complete, fail };
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
