import { STAFF_CSS } from './staff-styles.js';

const DOCUMENTS: { id: string; label: string }[] = [
  { id: '', label: 'All sources' },
  { id: 'mo', label: 'Missouri Q&A' },
  { id: 'mpo', label: 'WomensLaw MPO page (2013)' },
  { id: 'dodi', label: 'DoDI 6400.06' },
];

/** The staff lookup page: static markup, behaviour in /staff.js (no inline script, for CSP). */
export function renderStaffPage(): string {
  const filters = DOCUMENTS.map(
    (doc, index) =>
      `<label class="chip"><input type="radio" name="doc" value="${doc.id}"${index === 0 ? ' checked' : ''}><span>${doc.label}</span></label>`,
  ).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Lumen · Staff lookup</title>
<style>${STAFF_CSS}</style>
</head>
<body>
<header class="top">
  <div class="top-inner">
    <h1 class="brand">Lumen <span>Staff lookup</span></h1>
    <p class="tagline">Search the three sources as you type. Copy a citation for your notes.</p>
  </div>
</header>
<main class="layout">
  <section class="search-pane" aria-label="Search">
    <form class="search-form" role="search" action="#" novalidate>
      <label class="search-label" for="lumen-search">Search the sources</label>
      <input id="lumen-search" class="search-input" type="search" data-lumen="search" maxlength="300" autocomplete="off" spellcheck="false"
        placeholder="e.g. DD Form 2873-1, ex parte, firearms" aria-describedby="lumen-keys" aria-controls="lumen-results">
      <fieldset class="filters">
        <legend>Document</legend>
        ${filters}
      </fieldset>
    </form>
    <p id="lumen-keys" class="keys"><kbd>↑</kbd> <kbd>↓</kbd> move through results · <kbd>Enter</kbd> opens the whole section</p>
    <p id="lumen-status" class="status" role="status" aria-live="polite"></p>
    <ol id="lumen-results" class="results" aria-label="Results"></ol>
  </section>
  <section id="lumen-section" class="section-pane" aria-label="Section">
    <div class="empty">
      <p class="empty-title">No section open</p>
      <p>Choose a result to read its whole section here, with every paragraph's locator.</p>
    </div>
  </section>
</main>
<script src="/staff.js" defer></script>
</body>
</html>
`;
}
