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

/** Notices (dated or conflicting sources) as a visible note above the answer. */
export function renderNotices(notices: Notice[]): HTMLElement {
  return el('div', { className: 'notices', attrs: { 'data-lumen': 'notices' } }, notices.map((notice) =>
    el('div', { className: `notice notice-${notice.kind.replace(/[^a-z_]/gi, '')}` }, [
      icon('info'),
      el('div', {}, [
        el('p', { className: 'notice-label', text: LABELS[notice.kind] ?? 'Please note' }),
        el('p', { className: 'notice-text', text: notice.message }),
      ]),
    ]),
  ));
}
