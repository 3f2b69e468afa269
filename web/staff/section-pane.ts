import { describeAsOf, formatCitation, shortDocTitle } from '../shared/citation-text.js';
import { el } from '../shared/dom.js';
import type { SectionBlock, SectionPayload } from '../shared/types.js';

export interface SectionPaneHandlers {
  /** Copies a citation; `label` is what the button shows again after its "Copied" moment. */
  onCopy(citation: string, button: HTMLButtonElement, label?: string): void;
}

/** One block of the section, with its own locator where it differs from the section's. */
function renderBlock(block: SectionBlock, section: SectionPayload, handlers: SectionPaneHandlers): HTMLElement {
  const depth = Math.min(Math.max(block.depth, 0), 4);
  const paragraph = el('p', { className: `block depth-${depth}${block.heading ? ' heading' : ''}`, text: block.text });
  if (block.locator && block.locator !== section.locator && block.locator !== section.title && !block.heading) {
    // A sub-paragraph's own locator ("para. 3.5.d.(3)(g), p. 41") is the most precise citation: one click copies it.
    const citation = formatCitation({ docTitle: section.docTitle, docShortTitle: section.shortTitle, locator: block.locator });
    const button = el('button', {
      className: 'block-loc',
      text: block.locator,
      attrs: { type: 'button', 'aria-label': `Copy citation: ${citation}`, title: 'Copy this citation' },
    });
    button.addEventListener('click', () => handlers.onCopy(citation, button, block.locator));
    paragraph.append(' ', button);
  }
  return paragraph;
}

/** Shows a whole section: where it sits, how current it is, every block with its locator. */
export function showSection(pane: HTMLElement, section: SectionPayload, handlers: SectionPaneHandlers): void {
  const citation = formatCitation({ ...section, docShortTitle: section.shortTitle });
  const copy = el('button', {
    className: 'copy',
    attrs: { type: 'button', 'aria-label': `Copy citation: ${citation}` },
    text: 'Copy citation',
  });
  copy.addEventListener('click', () => handlers.onCopy(citation, copy));
  const title = el('h2', { className: 'pane-title', text: section.title, attrs: { tabindex: '-1' } });
  const blocks = section.blocks && section.blocks.length > 0
    ? section.blocks.map((block) => renderBlock(block, section, handlers))
    : section.text.split(/\n+/).filter((line) => line.trim()).map((line) => el('p', { className: 'block', text: line }));
  const original = /^https?:\/\//.test(section.url) ? section.url : undefined;
  pane.replaceChildren(
    el('article', { attrs: { 'data-lumen': 'section', 'data-section-id': section.id } }, [
      el('p', { className: 'pane-doc', text: `${shortDocTitle(section.docTitle, section.shortTitle)} · source ${describeAsOf(section.asOf)}${section.asOfNote ? ` (${section.asOfNote})` : ''}` }),
      title,
      section.path.length > 1 ? el('p', { className: 'pane-path', text: section.path.slice(0, -1).join(' › ') }) : null,
      el('div', { className: 'pane-actions' }, [
        el('span', { className: 'pane-locator', text: section.locator }),
        copy,
        original ? el('a', { attrs: { href: original, target: '_blank', rel: 'noopener noreferrer' }, text: 'Original document' }) : null,
      ]),
      ...blocks,
    ]),
  );
}

/** A short message in the pane while loading or after an error. */
export function showPaneMessage(pane: HTMLElement, message: string, isError = false): void {
  pane.replaceChildren(el('div', { className: 'empty' }, [el('p', { className: isError ? 'empty-title error' : 'empty-title', text: message })]));
}
