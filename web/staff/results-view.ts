import { cleanWhere, describeAsOf, formatCitation, fullCitation, splitLocator } from '../shared/citation-text.js';
import { el } from '../shared/dom.js';
import type { SearchResult } from '../shared/types.js';
import { highlightParts } from './highlight.js';

export interface ResultHandlers {
  onOpen(result: SearchResult, item: HTMLElement): void;
  onCopy(citation: string, button: HTMLButtonElement): void;
}

/** Snippet text with the query's words wrapped in <mark>, built from text nodes only. */
function highlighted(text: string, query: string): HTMLElement {
  const paragraph = el('p', { className: 'result-snippet' });
  for (const part of highlightParts(text, query)) {
    paragraph.appendChild(part.match ? el('mark', { text: part.text }) : document.createTextNode(part.text));
  }
  return paragraph;
}

/** Renders one result: document, locator, title and path (the open button), snippet, date and "copy citation". */
export function renderResult(result: SearchResult, query: string, handlers: ResultHandlers): HTMLLIElement {
  const citation = fullCitation(result);
  const short = formatCitation(result);
  const { docName } = splitLocator(result.locator, result.docTitle, result.docShortTitle);
  const locator = cleanWhere({ docTitle: result.docTitle, docShortTitle: result.docShortTitle, locator: result.locator });
  const open = el('button', { className: 'result-open', attrs: { type: 'button', 'data-role': 'open', tabindex: '-1' } }, [
    el('span', { className: 'result-meta' }, [
      el('span', { className: `doc-badge ${result.docId.replace(/[^a-z0-9-]/gi, '')}`, text: docName }),
      // A WomensLaw question without a statute may have its own title as locator; say it once.
      locator && locator !== result.title ? el('span', { className: 'locator', text: locator, attrs: { title: locator } }) : null,
    ]),
    el('span', { className: 'result-title', text: result.title }),
    result.sectionPath.length > 1
      ? el('span', { className: 'result-path', text: result.sectionPath.slice(0, -1).join(' › ') })
      : null,
  ]);
  const copy = el('button', {
    className: 'copy',
    attrs: { type: 'button', 'data-role': 'copy', tabindex: '-1', 'aria-label': `Copy citation: ${short}` },
    text: 'Copy citation',
  });
  const item = el('li', { className: 'result', attrs: { 'data-lumen': 'result', 'data-section-id': result.sectionId, 'data-doc-id': result.docId } }, [
    open,
    highlighted(result.snippet, query),
    el('div', { className: 'result-foot' }, [el('span', { className: 'asof', text: `Source ${describeAsOf(result.asOf)}` }), copy]),
  ]);
  open.addEventListener('click', () => handlers.onOpen(result, item));
  copy.addEventListener('click', (event) => {
    event.stopPropagation();
    handlers.onCopy(citation, copy);
  });
  // The whole card is a mouse target; keyboard users have the button.
  item.addEventListener('click', (event) => {
    if (event.target === item || !(event.target as HTMLElement).closest('button, a')) handlers.onOpen(result, item);
  });
  return item;
}
