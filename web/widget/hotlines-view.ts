import { el } from '../shared/dom.js';
import type { Hotline } from '../shared/types.js';
import { isEmergencyNumber, safeWebUrl, smsHref, telHref } from './hotline-links.js';
import { icon } from './icons.js';

/** A hotline's name without the parenthetical detail, for tight spaces. */
function shortName(hotline: Hotline): string {
  const name = hotline.name.replace(/\s*\(.*\)\s*$/, '').trim() || hotline.name;
  return name.replace(/\bDomestic Violence\b/, 'DV');
}

/** The ways to reach one hotline: call, text, TTY, website. */
function contactLinks(hotline: Hotline): HTMLElement {
  const links = el('div', { className: 'hotline-actions' });
  if (hotline.phone) {
    links.appendChild(
      el('a', { className: 'action action-call', attrs: { href: telHref(hotline.phone), 'aria-label': `Call ${shortName(hotline)}, ${hotline.phone}` } }, [
        icon('phone'),
        `Call ${hotline.phone}`,
      ]),
    );
  }
  if (hotline.text) {
    const sms = smsHref(hotline.text);
    links.appendChild(
      sms
        ? el('a', { className: 'action', attrs: { href: sms } }, [icon('message'), hotline.text])
        : el('span', { className: 'action action-plain' }, [icon('message'), hotline.text]),
    );
  }
  if (hotline.tty) links.appendChild(el('a', { className: 'action', attrs: { href: telHref(hotline.tty) }, text: `TTY ${hotline.tty}` }));
  const web = safeWebUrl(hotline.url ?? hotline.chat);
  if (web) {
    links.appendChild(
      el('a', { className: 'action', attrs: { href: web, target: '_blank', rel: 'noopener noreferrer' } }, [
        icon('link'),
        hotline.chat ? 'Chat online' : 'Website',
      ]),
    );
  }
  return links;
}

/** A list of hotline cards (name, when it fits, ways to reach it), skipping 911 which is shown on its own. */
export function renderHotlineList(hotlines: Hotline[]): HTMLElement {
  const list = el('ul', { className: 'hotline-list' });
  for (const hotline of hotlines) {
    if (isEmergencyNumber(hotline)) continue;
    list.appendChild(
      el('li', { className: 'hotline-card' }, [
        el('p', { className: 'hotline-name', text: hotline.name }),
        hotline.when ? el('p', { className: 'hotline-when', text: hotline.when }) : null,
        contactLinks(hotline),
      ]),
    );
  }
  return list;
}

/** The 911 button: large in an emergency answer, compact beside a failed one. */
export function renderCall911(size: 'large' | 'compact'): HTMLElement {
  return el('a', { className: `call-911 ${size}`, attrs: { href: 'tel:911', 'data-lumen': 'call-911' } }, [
    icon('phone'),
    el('span', {}, [el('strong', { text: 'Call 911' }), el('span', { className: 'call-911-note', text: 'if it is safe to do so' })]),
  ]);
}

/** The strip under the header: 911 and one hotline always visible, the rest one click away. */
export function createHotlineStrip(idPrefix: string): { element: HTMLElement; show(hotlines: Hotline[]): void } {
  const element = el('div', { className: 'strip', attrs: { 'data-lumen': 'hotlines', role: 'region', 'aria-label': 'Hotlines' } });
  const row = el('div', { className: 'strip-row' });
  const drawerId = `${idPrefix}-hotlines`;
  const drawer = el('div', { className: 'strip-drawer', attrs: { id: drawerId, hidden: '' } });
  const more = el('button', {
    className: 'strip-more',
    attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': drawerId },
  }, ['More', el('span', { className: 'strip-more-extra', text: ' help' }), icon('chevron', 'icon chevron')]);
  more.addEventListener('click', () => {
    const open = more.getAttribute('aria-expanded') !== 'true';
    more.setAttribute('aria-expanded', String(open));
    drawer.hidden = !open;
  });
  element.append(row, drawer);

  function show(hotlines: Hotline[]): void {
    row.replaceChildren(
      el('a', { className: 'strip-911', attrs: { href: 'tel:911', 'aria-label': 'In danger? Call 911' } }, [icon('phone'), 'Call 911']),
    );
    const main = hotlines.find((hotline) => !isEmergencyNumber(hotline) && hotline.phone);
    if (main?.phone) {
      row.appendChild(
        // The name is the visible text plus "Call": speech-input users say what they see.
        el('a', { className: 'strip-line', attrs: { href: telHref(main.phone) } }, [
          el('span', { className: 'strip-name' }, [el('span', { className: 'sr-only', text: 'Call ' }), shortName(main), el('span', { className: 'sr-only', text: ',' })]),
          el('span', { className: 'strip-phone', text: main.phone }),
        ]),
      );
    }
    row.appendChild(more);
    drawer.replaceChildren(renderHotlineList(hotlines));
  }

  return { element, show };
}
