import { el } from '../shared/dom.js';
import { createChatController } from './chat-controller.js';
import type { WidgetConfig } from './config.js';
import { wrapFocusWhenFullScreen } from './focus-wrap.js';
import { createLauncher } from './launcher.js';
import { createPanel } from './panel.js';
import { createQuickExitButton, installExitShortcut, leavePage } from './quick-exit.js';
import { createSectionReader } from './section-reader.js';
import { applyStyles } from './styles.js';
import { renderWelcome } from './welcome.js';

/** Tag of the element that hosts the widget's shadow root. */
export const HOST_TAG = 'lumen-widget';

/**
 * Opens the widget's new-tab links (an original document, a hotline's website) itself, keeping
 * each window so Quick exit can close it: nothing the widget opened outlives the exit.
 */
function trackNewTabs(shadow: ShadowRoot): Window[] {
  const opened: Window[] = [];
  shadow.addEventListener('click', (event) => {
    const mouse = event as MouseEvent;
    const link = (event.target as Element | null)?.closest?.('a[target="_blank"]') as HTMLAnchorElement | null;
    if (!link || mouse.defaultPrevented || mouse.button !== 0 || mouse.ctrlKey || mouse.metaKey || mouse.shiftKey || mouse.altKey) return;
    // Keeping the opener is the price of closing the tab later (a disowned window cannot be closed
    // by its opener); the links are only the curated sources' and hotlines' own http(s) sites.
    const tab = window.open(link.href, '_blank');
    if (!tab) return; // blocked: the link opens the usual way
    event.preventDefault();
    opened.push(tab);
  });
  return opened;
}

/** Adds the launcher and panel to the page inside a shadow root; returns the host element. */
export function mountWidget(config: WidgetConfig): HTMLElement {
  const host = document.createElement(HOST_TAG);
  // Inherited properties (font, colour, line-height) cross a shadow boundary; cut them off at the host.
  host.style.setProperty('all', 'initial', 'important');
  // Open mode: integrators' tests and assistive tools can reach inside; nothing secret lives here.
  const shadow = host.attachShadow({ mode: 'open' });
  applyStyles(shadow);

  const panelId = 'lumen-panel';
  const launcher = createLauncher(panelId);
  const openedTabs = trackNewTabs(shadow);
  let exiting = false;
  const exit = (): void => {
    if (exiting) return;
    exiting = true;
    for (const tab of openedTabs) {
      try {
        tab.close();
      } catch {
        // a closed or foreign window: nothing to do
      }
    }
    controller.wipe();
    removeShortcut();
    // Take the whole widget out of the DOM so nothing of the conversation is left to read.
    shadow.replaceChildren();
    host.remove();
    leavePage(config.exitUrl);
  };
  const parts = createPanel({ id: panelId, onExit: exit, onSubmit: (question) => controller.ask(question) });
  const announce = (text: string): void => {
    // Clearing first makes a repeated identical message be read again.
    parts.liveRegion.textContent = '';
    window.setTimeout(() => {
      parts.liveRegion.textContent = text;
    }, 50);
  };
  const reader = createSectionReader({
    lumenBase: config.lumenBase,
    idPrefix: panelId,
    announce,
    onShow: (reading) => parts.panel.classList.toggle('reading', reading),
  });
  parts.readerSlot.appendChild(reader.element);
  const controller = createChatController({ config, parts, announce, onReadSection: (citation, opener) => reader.open(citation, opener) });
  // While Shift is pressed toward a quick exit, each exit button shows how far along it is.
  const removeShortcut = installExitShortcut(exit, (count) => {
    for (const badge of shadow.querySelectorAll('.exit-count')) badge.textContent = count > 0 ? `${count}/3` : '';
  });

  const showWelcome = (): void => {
    if (parts.log.childElementCount === 0) parts.log.appendChild(renderWelcome((question) => controller.ask(question)));
  };
  // On a touch screen the on-screen keyboard would cover the welcome and the privacy note.
  const touch = window.matchMedia('(pointer: coarse)');
  const open = (): void => {
    showWelcome();
    parts.panel.hidden = false;
    root.classList.add('is-open');
    launcher.setAttribute('aria-expanded', 'true');
    (touch.matches ? parts.panel : parts.composer.input).focus();
  };
  const close = (): void => {
    reader.close();
    parts.panel.hidden = true;
    root.classList.remove('is-open');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  };

  wrapFocusWhenFullScreen(parts.panel);
  launcher.addEventListener('click', () => (parts.panel.hidden ? open() : close()));
  parts.closeButton.addEventListener('click', close);
  parts.panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  });

  // Optional for host pages: Quick exit on screen (and first in the Tab order) while the panel is closed.
  const alwaysExit = config.quickExitAlways ? createQuickExitButton(exit, 'floating') : null;
  const root = el('div', { className: 'lumen' }, [alwaysExit, parts.panel, launcher]);
  // The top layer (a manual popover) sits above any z-index a host page uses, even 2147483647.
  const topLayer = typeof root.showPopover === 'function';
  if (topLayer) root.setAttribute('popover', 'manual');
  shadow.appendChild(root);
  if (config.quickExitAlways) document.body.prepend(host);
  else document.body.appendChild(host);
  if (topLayer) {
    try {
      root.showPopover();
    } catch {
      root.removeAttribute('popover');
    }
  }
  return host;
}
