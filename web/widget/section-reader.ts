import { cleanWhere, describeAsOf, shortDocTitle } from '../shared/citation-text.js';
import { el } from '../shared/dom.js';
import type { Citation, SectionPayload } from '../shared/types.js';
import { icon } from './icons.js';

/** The whole cited section shown inside the panel, so nothing of Lumen opens outside it. */
export interface SectionReader {
  element: HTMLElement;
  open(citation: Citation, opener: HTMLElement): void;
  close(): void;
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** The block the quote was taken from: the one sharing most words with it. */
function quotedBlockIndex(blocks: { text: string }[], quote: string): number {
  const quoted = new Set(words(quote));
  let best = -1;
  let bestScore = 0;
  blocks.forEach((block, index) => {
    const own = words(block.text);
    const score = own.length === 0 ? 0 : own.filter((word) => quoted.has(word)).length / Math.max(own.length, quoted.size);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return bestScore >= 0.3 ? best : -1;
}

/** Creates the reader; `onShow(open)` lets the panel hide the conversation while a section is read. */
export function createSectionReader(options: { lumenBase: string; idPrefix: string; onShow(open: boolean): void; announce(text: string): void }): SectionReader {
  const titleId = `${options.idPrefix}-reader-title`;
  const back = el('button', { className: 'reader-back', attrs: { type: 'button' } }, [icon('chevron', 'icon back-icon'), 'Back to the answer']);
  const content = el('div', { className: 'reader-content' });
  const element = el('div', {
    className: 'reader',
    attrs: { role: 'region', 'aria-labelledby': titleId, 'data-lumen': 'reader', hidden: '' },
  }, [back, content]);
  let opener: HTMLElement | undefined;
  let request: AbortController | undefined;

  const close = (): void => {
    request?.abort();
    if (element.hidden) return;
    element.hidden = true;
    content.replaceChildren();
    options.onShow(false);
    opener?.focus();
    opener = undefined;
  };
  back.addEventListener('click', close);
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  });

  const heading = (text: string): HTMLElement => el('h3', { className: 'reader-title', text, attrs: { id: titleId, tabindex: '-1' } });

  function show(citation: Citation, section: SectionPayload | undefined): void {
    const title = heading(section?.title ?? citation.sectionPath[citation.sectionPath.length - 1] ?? 'Source');
    const date = describeAsOf(section?.asOf ?? citation.asOf);
    const meta = el('p', { className: 'reader-doc', text: `${shortDocTitle(citation.docTitle, section?.shortTitle)} · ${date}` });
    if (!section) {
      // The quote is all there is offline; still better than nothing, and honest about it.
      content.replaceChildren(meta, title, el('p', { text: 'The whole section could not be loaded just now. The passage this answer quotes:' }), el('blockquote', { className: 'card-quote', text: citation.quote }));
    } else {
      const blocks = section.blocks && section.blocks.length > 0 ? section.blocks : section.text.split(/\n+/).filter((line) => line.trim()).map((text) => ({ text, depth: 0, locator: '' }));
      const quoted = quotedBlockIndex(blocks, citation.quote);
      const nodes = blocks.map((block, index) => {
        const depth = Math.min(Math.max(block.depth, 0), 4);
        const where = 'heading' in block && block.heading ? '' : cleanWhere({ docTitle: section.docTitle, locator: block.locator });
        const node = el('p', { className: `reader-block depth-${depth}${index === quoted ? ' quoted' : ''}` }, [
          block.text,
          where && where !== cleanWhere({ docTitle: section.docTitle, locator: section.locator }) ? el('span', { className: 'reader-loc', text: ` ${where}` }) : null,
        ]);
        if (index === quoted) node.prepend(el('span', { className: 'sr-only', text: 'Quoted in the answer: ' }));
        return node;
      });
      content.replaceChildren(meta, title, ...(section.path.length > 1 ? [el('p', { className: 'reader-path', text: section.path.slice(0, -1).join(' › ') })] : []), ...nodes);
      const target = nodes[quoted];
      // Scroll only the reader (or, on a short screen, the panel): scrollIntoView would also move the panel's header away.
      if (target) {
        requestAnimationFrame(() => {
          const scroller = getComputedStyle(element).overflowY === 'visible' ? (element.closest('.panel') as HTMLElement) : element;
          scroller.scrollTop += target.getBoundingClientRect().top - scroller.getBoundingClientRect().top - scroller.clientHeight / 3;
        });
      }
    }
    title.focus({ preventScroll: true });
    options.announce(`Section: ${title.textContent ?? ''}`);
  }

  async function open(citation: Citation, from: HTMLElement): Promise<void> {
    request?.abort();
    const controller = new AbortController();
    request = controller;
    opener = from;
    element.hidden = false;
    options.onShow(true);
    content.replaceChildren(heading('Opening the section…'));
    back.focus();
    let section: SectionPayload | undefined;
    try {
      const response = await fetch(new URL(`api/sections/${encodeURIComponent(citation.sectionId)}`, options.lumenBase).href, {
        signal: controller.signal,
        headers: { Accept: 'application/json' },
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
      const body = response.ok ? ((await response.json()) as { section?: SectionPayload }) : {};
      section = body.section && Array.isArray(body.section.path) ? body.section : undefined;
    } catch {
      section = undefined;
    }
    if (controller.signal.aborted) return;
    show(citation, section);
  }

  return { element, open: (citation, from) => void open(citation, from), close };
}
