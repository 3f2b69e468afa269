import { cleanWhere, describeAsOf, formatCitation, fullCitation, locatorWithinDocument, shortDocTitle } from '../shared/citation-text.js';
import { el } from '../shared/dom.js';
import type { SectionBlock, SectionPayload } from '../shared/types.js';
import { highlightParts } from './highlight.js';

export interface SectionPaneHandlers {
  /** Copies a citation; `label` is what the button shows again after its "Copied" moment. */
  onCopy(citation: string, button: HTMLButtonElement, label?: string): void;
  /** Back to the result list (shown on narrow screens, where the pane sits below the results). */
  onBack(): void;
}

/** What the section was opened for: the search words, and the passage locator of the result. */
export interface SectionFocus {
  query: string;
  locator?: string;
}

/** "para. 3.5.d.(3)(g), p. 41" -> "3.5.d.(3)(g)"; "MO ST § 455.040(1)" -> "455.040(1)": the part a query names. */
function referenceOf(locator: string): string {
  return locator.replace(/^para\.\s*/i, '').replace(/,\s*pp?\.\s*[\d-]+$/, '').replace(/^.*§+\s*/, '').replace(/\s+/g, '').toLowerCase();
}

/**
 * The block a search meant: one whose own reference the query names (the longest, so "3.5.d.(3)(g)"
 * beats "3.5.d.(3)"), else the result's passage, else the block with most query words.
 */
export function matchedBlock(blocks: SectionBlock[], focus: SectionFocus, docTitle: string): number {
  const query = focus.query.replace(/\s+/g, '').toLowerCase();
  let best = -1;
  let bestLength = 0;
  blocks.forEach((block, index) => {
    const reference = referenceOf(block.locator);
    if (/\d/.test(reference) && reference.length >= 3 && query.includes(reference) && reference.length > bestLength) {
      best = index;
      bestLength = reference.length;
    }
  });
  if (best >= 0) return best;
  const passage = focus.locator ? locatorWithinDocument(focus.locator, docTitle) : '';
  if (passage) {
    const index = blocks.findIndex((block) => block.locator === passage);
    if (index > 0) return index; // the first block is where the section opens anyway
  }
  let bestWords = 0;
  blocks.forEach((block, index) => {
    const words = highlightParts(block.text, focus.query).filter((part) => part.match).length;
    if (words > bestWords) {
      best = index;
      bestWords = words;
    }
  });
  return best;
}

/** Text with the query's words marked. */
function marked(parent: HTMLElement, text: string, query: string): HTMLElement {
  for (const part of highlightParts(text, query)) parent.appendChild(part.match ? el('mark', { text: part.text }) : document.createTextNode(part.text));
  return parent;
}

/** One block of the section, with its own locator where it differs from the section's. */
function renderBlock(block: SectionBlock, section: SectionPayload, query: string, handlers: SectionPaneHandlers): HTMLElement {
  const depth = Math.min(Math.max(block.depth, 0), 4);
  const paragraph = marked(el('p', { className: `block depth-${depth}${block.heading ? ' heading' : ''}` }), block.text, query);
  if (block.locator && block.locator !== section.locator && block.locator !== section.title && !block.heading) {
    // A sub-paragraph's own locator ("para. 3.5.d.(3)(g), p. 41") is the most precise citation: one click copies it.
    const source = { docTitle: section.docTitle, docShortTitle: section.shortTitle, locator: block.locator, title: section.title, asOf: section.asOf, url: section.url };
    const where = cleanWhere({ docTitle: section.docTitle, locator: block.locator }) || block.locator;
    const button = el('button', {
      className: 'block-loc',
      text: where,
      attrs: { type: 'button', 'aria-label': `Copy citation: ${formatCitation(source)}`, title: 'Copy this citation' },
    });
    button.addEventListener('click', () => handlers.onCopy(fullCitation(source), button, where));
    paragraph.append(' ', button);
  }
  return paragraph;
}

/**
 * Shows a whole section: where it sits, how current it is, every block with its locator; the block the
 * search meant is marked and scrolled to, the query's words highlighted. Returns the heading, for focus.
 */
export function showSection(pane: HTMLElement, section: SectionPayload, focus: SectionFocus, handlers: SectionPaneHandlers): HTMLElement {
  const source = { ...section, docShortTitle: section.shortTitle };
  const copy = el('button', {
    className: 'copy',
    attrs: { type: 'button', 'aria-label': `Copy citation: ${formatCitation(source)}` },
    text: 'Copy citation',
  });
  copy.addEventListener('click', () => handlers.onCopy(fullCitation(source), copy));
  const back = el('button', { className: 'pane-back', attrs: { type: 'button', 'data-lumen': 'back-to-results' }, text: '↑ Back to results' });
  back.addEventListener('click', handlers.onBack);
  const title = el('h2', { className: 'pane-title', text: section.title, attrs: { tabindex: '-1' } });
  const blocks: SectionBlock[] = section.blocks && section.blocks.length > 0
    ? section.blocks
    : section.text.split(/\n+/).filter((line) => line.trim()).map((text) => ({ text, depth: 0, locator: '' }));
  const nodes = blocks.map((block) => renderBlock(block, section, focus.query, handlers));
  const matched = matchedBlock(blocks, focus, section.docTitle);
  const target = nodes[matched];
  if (target) {
    target.classList.add('match');
    target.setAttribute('data-lumen', 'match');
  }
  const original = /^https?:\/\//.test(section.url) ? section.url : undefined;
  pane.replaceChildren(
    el('article', { attrs: { 'data-lumen': 'section', 'data-section-id': section.id } }, [
      back,
      el('p', { className: 'pane-doc', text: `${shortDocTitle(section.docTitle, section.shortTitle)} · source ${describeAsOf(section.asOf)}${section.asOfNote ? ` (${section.asOfNote})` : ''}` }),
      title,
      section.path.length > 1 ? el('p', { className: 'pane-path', text: section.path.slice(0, -1).join(' › ') }) : null,
      el('div', { className: 'pane-actions' }, [
        el('span', { className: 'pane-locator', text: section.locator }),
        copy,
        original ? el('a', { attrs: { href: original, target: '_blank', rel: 'noopener noreferrer' }, text: 'Original document' }) : null,
      ]),
      ...nodes,
    ]),
  );
  if (target && matched > 0) target.scrollIntoView({ block: 'center' });
  return title;
}

/** A short message in the pane while loading or after an error. */
export function showPaneMessage(pane: HTMLElement, message: string, isError = false): void {
  pane.replaceChildren(el('div', { className: 'empty' }, [el('p', { className: isError ? 'empty-title error' : 'empty-title', text: message })]));
}
