import { cleanWhere, describeAsOf, shortDocTitle } from '../shared/citation-text.js';
import { el } from '../shared/dom.js';
import type { Citation } from '../shared/types.js';
import { safeWebUrl } from './hotline-links.js';
import { icon } from './icons.js';

export interface CitationCardOptions {
  citation: Citation;
  id: string;
  /** Shows the whole section inside the panel (never a new tab that would outlive Quick exit). */
  onReadSection(citation: Citation, opener: HTMLElement): void;
  onClose(): void;
}

/** The opened source: the quoted passage, which document and where in it, and how current it is. */
export function createCitationCard(options: CitationCardOptions): HTMLElement {
  const { citation } = options;
  const headingId = `${options.id}-title`;
  const close = el('button', {
    className: 'icon-button card-close',
    attrs: { type: 'button', 'aria-label': `Close source ${citation.n}` },
  }, [icon('close')]);
  close.addEventListener('click', options.onClose);
  const read = el('button', { className: 'card-link', attrs: { type: 'button', 'data-lumen': 'read-section' } }, ['Read the whole section', icon('book')]);
  read.addEventListener('click', () => options.onReadSection(citation, read));

  const original = safeWebUrl(citation.url);
  const where = cleanWhere({ ...citation, title: citation.sectionPath[citation.sectionPath.length - 1] });
  const card = el('section', {
    className: 'source-card',
    attrs: { id: options.id, 'aria-labelledby': headingId, tabindex: '-1', 'data-lumen': 'source' },
  }, [
    el('div', { className: 'card-head' }, [
      el('p', { className: 'card-kicker', attrs: { id: headingId } }, [icon('book'), `Source ${citation.n}`]),
      close,
    ]),
    el('blockquote', { className: 'card-quote', text: citation.quote }),
    el('p', { className: 'card-doc', text: citation.docTitle }),
    citation.sectionPath.length > 0
      ? el('p', { className: 'card-path', text: citation.sectionPath.join(' › ') })
      : null,
    el('dl', { className: 'card-facts' }, [
      el('div', {}, [el('dt', { text: 'Where' }), el('dd', { className: 'card-locator', text: where || citation.sectionPath[citation.sectionPath.length - 1] || 'not given' })]),
      el('div', {}, [
        el('dt', { text: 'Date' }),
        el('dd', { className: citation.asOf ? 'card-asof' : 'card-asof undated', text: citation.asOf ? describeAsOf(citation.asOf).replace(/^as of /, '') : 'Undated source' }),
      ]),
    ]),
    citation.asOfNote ? el('p', { className: 'card-note', text: citation.asOfNote }) : null,
    el('div', { className: 'card-links' }, [
      read,
      original
        ? el('a', {
            className: 'card-link subtle',
            attrs: { href: original, target: '_blank', rel: 'noopener noreferrer', 'aria-label': `Original document: ${shortDocTitle(citation.docTitle)} (opens a new tab)` },
          }, ['Original document', icon('link')])
        : null,
    ]),
  ]);
  card.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      // Esc closes only the source here; the panel stays open.
      event.stopPropagation();
      options.onClose();
    }
  });
  return card;
}
