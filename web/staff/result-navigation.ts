/**
 * Roving focus over the results: one result is active (its buttons are in the Tab
 * order), ArrowUp/ArrowDown move between results, ArrowUp from the first returns
 * to the search box. Tab from the active result goes on to the section pane.
 */
export function createResultNavigation(input: HTMLInputElement, list: HTMLElement): { reset(): void; activate(index: number, focus: boolean): void } {
  const items = (): HTMLElement[] => [...list.querySelectorAll<HTMLElement>('[data-lumen="result"]')];
  let active = -1;

  function activate(index: number, focus: boolean): void {
    const all = items();
    all.forEach((item, position) => {
      const on = position === index;
      item.classList.toggle('active', on);
      for (const button of item.querySelectorAll('button')) button.tabIndex = on ? 0 : -1;
    });
    active = index;
    const target = all[index]?.querySelector<HTMLElement>('[data-role="open"]');
    if (focus && target) {
      target.focus();
      target.scrollIntoView({ block: 'nearest' });
    }
  }

  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && items().length > 0) {
      event.preventDefault();
      activate(0, true);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      items()[Math.max(active, 0)]?.querySelector<HTMLElement>('[data-role="open"]')?.click();
    }
  });
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const all = items();
    const current = all.findIndex((item) => item.contains(document.activeElement));
    const next = current + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) {
      activate(-1, false);
      input.focus();
    } else if (next < all.length) {
      activate(next, true);
    }
  });
  list.addEventListener('focusin', (event) => {
    const item = (event.target as HTMLElement).closest<HTMLElement>('[data-lumen="result"]');
    const index = item ? items().indexOf(item) : -1;
    if (index >= 0 && index !== active) activate(index, false);
  });

  return {
    reset: () => activate(-1, false),
    activate,
  };
}
