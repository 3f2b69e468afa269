// Entry of staff.js: search-as-you-type over the three sources, whole sections in a side pane.
import { el } from '../shared/dom.js';
import type { SearchResult } from '../shared/types.js';
import { fetchSection } from './api-client.js';
import { copyText } from './clipboard.js';
import { createLiveSearch } from './live-search.js';
import { createResultNavigation } from './result-navigation.js';
import { renderResult } from './results-view.js';
import { showPaneMessage, showSection, type SectionFocus } from './section-pane.js';

const input = document.querySelector<HTMLInputElement>('[data-lumen="search"]');
const list = document.getElementById('lumen-results');
const status = document.getElementById('lumen-status');
const pane = document.getElementById('lumen-section');
const form = document.querySelector<HTMLFormElement>('form.search-form');

if (input && list && status && pane && form) {
  const navigation = createResultNavigation(input, list);
  const selectedDoc = (): string => form.querySelector<HTMLInputElement>('input[name="doc"]:checked')?.value ?? '';
  let sectionRequest: AbortController | undefined;
  let openId: string | undefined;
  const markOpen = (): void => {
    for (const item of list.querySelectorAll('.result')) item.classList.toggle('open', item.getAttribute('data-section-id') === openId);
  };

  const copy = async (citation: string, button: HTMLButtonElement, label = 'Copy citation'): Promise<void> => {
    const ok = await copyText(citation);
    status.textContent = ok ? `Copied: ${citation}` : `Could not copy. Citation: ${citation}`;
    button.textContent = ok ? 'Copied' : 'Copy failed';
    button.classList.toggle('copied', ok);
    setTimeout(() => {
      button.textContent = label;
      button.classList.remove('copied');
    }, 1600);
  };
  const onCopy = (citation: string, button: HTMLButtonElement, label?: string): void => void copy(citation, button, label);

  const backToResults = (): void => {
    const item = list.querySelector<HTMLElement>('.result.open') ?? list.querySelector<HTMLElement>('.result');
    const target = item?.querySelector<HTMLElement>('[data-role="open"]') ?? input;
    const index = item ? [...list.querySelectorAll('.result')].indexOf(item) : -1;
    if (index >= 0) navigation.activate(index, false);
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center' });
  };

  const openSection = async (id: string, focus: SectionFocus = { query: '' }): Promise<void> => {
    sectionRequest?.abort();
    const controller = new AbortController();
    sectionRequest = controller;
    showPaneMessage(pane, 'Opening section…');
    openId = id;
    markOpen();
    try {
      const section = await fetchSection(id, controller.signal);
      if (controller.signal.aborted) return;
      const narrow = window.matchMedia('(max-width: 860px)').matches;
      if (narrow) pane.scrollIntoView({ block: 'start' });
      const heading = showSection(pane, section, focus, { onCopy, onBack: backToResults });
      history.replaceState(null, '', `#section=${encodeURIComponent(id)}`);
      // Only the title is announced (the pane is not a live region); focus goes to it, so reading starts there.
      heading.focus({ preventScroll: true });
      status.textContent = `Opened: ${section.title}`;
    } catch (error) {
      if (!controller.signal.aborted) showPaneMessage(pane, error instanceof Error ? error.message : 'Could not open the section.', true);
    }
  };

  const search = createLiveSearch({
    onResults: (response) => {
      list.replaceChildren(
        ...response.results.map((result: SearchResult) =>
          renderResult(result, response.query, { onOpen: (chosen) => void openSection(chosen.sectionId, { query: response.query, locator: chosen.locator }), onCopy }),
        ),
      );
      navigation.activate(response.results.length > 0 ? 0 : -1, false);
      markOpen();
      const count = response.results.length;
      status.textContent = count === 0 ? `No passages match “${response.query}”.` : `${count} result${count === 1 ? '' : 's'}`;
    },
    onError: (message) => {
      list.replaceChildren();
      status.replaceChildren(el('span', { className: 'error', text: message }));
    },
    onClear: () => {
      list.replaceChildren();
      status.textContent = '';
    },
  });

  input.addEventListener('input', () => search(input.value, selectedDoc()));
  // Only the document filter: the search box also fires "change" when it loses focus.
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLInputElement).name === 'doc') search(input.value, selectedDoc());
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  const openFromHash = (): void => {
    const match = /^#section=(.+)$/.exec(window.location.hash);
    if (!match?.[1]) return;
    try {
      void openSection(decodeURIComponent(match[1]));
    } catch {
      showPaneMessage(pane, 'That section link is not valid.', true);
    }
  };
  window.addEventListener('hashchange', openFromHash);
  openFromHash();
  if (!window.location.hash) input.focus();
}
