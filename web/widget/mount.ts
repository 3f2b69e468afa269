import { el } from '../shared/dom.js';
import { createChatController } from './chat-controller.js';
import type { WidgetConfig } from './config.js';
import { wrapFocusWhenFullScreen } from './focus-wrap.js';
import { createLauncher } from './launcher.js';
import { createPanel } from './panel.js';
import { installExitShortcut, leavePage } from './quick-exit.js';
import { applyStyles } from './styles.js';
import { renderWelcome } from './welcome.js';

/** Tag of the element that hosts the widget's shadow root. */
export const HOST_TAG = 'lumen-widget';

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
  let exiting = false;
  const exit = (): void => {
    if (exiting) return;
    exiting = true;
    controller.wipe();
    removeShortcut();
    // Take the whole widget out of the DOM so nothing of the conversation is left to read.
    shadow.replaceChildren();
    host.remove();
    leavePage(config.exitUrl);
  };
  const parts = createPanel({ id: panelId, onExit: exit, onSubmit: (question) => controller.ask(question) });
  const controller = createChatController(config, parts);
  const removeShortcut = installExitShortcut(exit);

  const showWelcome = (): void => {
    if (parts.log.childElementCount === 0) parts.log.appendChild(renderWelcome((question) => controller.ask(question)));
  };
  const open = (): void => {
    showWelcome();
    parts.panel.hidden = false;
    root.classList.add('is-open');
    launcher.setAttribute('aria-expanded', 'true');
    parts.composer.input.focus();
  };
  const close = (): void => {
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

  const root = el('div', { className: 'lumen' }, [parts.panel, launcher]);
  shadow.appendChild(root);
  document.body.appendChild(host);
  return host;
}
