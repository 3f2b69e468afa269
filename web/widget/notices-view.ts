import { el } from '../shared/dom.js';
import type { Notice } from '../shared/types.js';
import { icon } from './icons.js';

const LABELS: Record<string, string> = {
  dated_source: 'About the date of this source',
  source_conflict: 'The sources differ',
  superseded_source: 'A newer source exists',
  legal_information: 'Legal information, not legal advice',
  llm_fallback: 'About this answer',
};

// A conflict changes what the answer means, so it stays open; the rest are one tap away.
const OPEN = new Set(['source_conflict', 'superseded_source']);

/** Notices (dated or conflicting sources) as folded notes inside the answer, each opened by its label. */
export function renderNotices(notices: Notice[]): HTMLElement {
  return el('div', { className: 'notices', attrs: { 'data-lumen': 'notices' } }, notices.map((notice) => {
    const kind = notice.kind.replace(/[^a-z_]/gi, '');
    const details = el('details', { className: `notice notice-${kind}` }, [
      el('summary', { className: 'notice-label' }, [icon('info'), LABELS[notice.kind] ?? 'Please note']),
      el('p', { className: 'notice-text', text: notice.message }),
    ]);
    details.open = OPEN.has(kind);
    return details;
  }));
}
