/** Stylesheet of the staff lookup page (served in a <style> element; CSP allows inline styles). */
export const STAFF_CSS = `
:root {
  --plum-800: #3b1f5c; --plum-700: #4b2a72; --plum-600: #5a2f86; --plum-100: #f4effa; --plum-200: #e6dcf1;
  --teal-800: #0b5e58; --teal-700: #0f6e68; --teal-100: #e7f5f3; --teal-200: #cfe6e3;
  --ink: #221b2e; --muted: #5c5568; --line: #e7e0ef; --wash: #f7f5fa;
  color-scheme: light;
}
* { box-sizing: border-box; }
html, body { margin: 0; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif;
  font-size: 15px; line-height: 1.5; color: var(--ink); background: var(--wash); }
:focus-visible { outline: 3px solid var(--teal-700); outline-offset: 2px; }
a { color: var(--teal-800); }
.top { background: linear-gradient(135deg, var(--plum-800), var(--plum-600)); color: #fff; }
.top-inner { max-width: 1280px; margin: 0 auto; padding: 14px 24px; display: flex; align-items: baseline; gap: 18px; flex-wrap: wrap; }
.brand { margin: 0; font-size: 19px; font-weight: 800; line-height: 1.5; }
.brand span { font-weight: 500; color: #eadff7; margin-left: 6px; }
.tagline { margin: 0; color: #eadff7; font-size: 14px; }
.layout { max-width: 1280px; margin: 0 auto; padding: 20px 24px; display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); gap: 20px; align-items: start; }
.search-pane, .section-pane { background: #fff; border: 1px solid var(--line); border-radius: 16px; }
.search-pane { padding: 16px; }
.search-label { display: block; font-weight: 700; margin-bottom: 6px; }
.search-input { width: 100%; font: inherit; font-size: 17px; padding: 11px 14px; border: 1.5px solid #cfc3df; border-radius: 12px; color: var(--ink); }
.search-input:focus { outline: none; border-color: var(--plum-600); box-shadow: 0 0 0 3px rgba(90, 47, 134, .2); }
.filters { border: 0; padding: 0; margin: 12px 0 0; display: flex; flex-wrap: wrap; gap: 6px; }
.filters legend { float: left; margin-right: 6px; padding: 5px 0; font-size: 13px; font-weight: 700; color: var(--muted); }
.chip { position: relative; }
.chip input { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
.chip span { display: inline-block; padding: 5px 12px; border: 1px solid var(--plum-200); border-radius: 999px; background: var(--plum-100); color: var(--plum-800); font-size: 13px; font-weight: 600; }
.chip input:checked + span { background: var(--plum-700); border-color: var(--plum-700); color: #fff; }
.chip input:focus-visible + span { outline: 3px solid var(--teal-700); outline-offset: 2px; }
.keys { margin: 12px 0 0; font-size: 12.5px; color: var(--muted); }
kbd { font: inherit; font-size: 11.5px; padding: 1px 6px; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 5px; background: var(--wash); }
.status { margin: 6px 0 8px; font-size: 13px; color: var(--muted); min-height: 1.5em; }
.results { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.result { position: relative; padding: 12px 14px; border: 1px solid var(--line); border-radius: 12px; background: #fff; cursor: pointer; }
.result:hover { border-color: #d6c6ea; }
.result.active { border-color: var(--plum-600); box-shadow: 0 0 0 2px rgba(90, 47, 134, .18); background: #fdfbff; }
.result.open { border-left: 4px solid var(--teal-700); }
.result-open { display: block; width: 100%; padding: 0; border: 0; background: none; text-align: left; font: inherit; color: inherit; cursor: pointer; }
.result-meta { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; font-size: 12.5px; }
.doc-badge { padding: 1px 8px; border-radius: 999px; font-weight: 700; background: var(--plum-100); color: var(--plum-800); }
.doc-badge.dodi { background: #e8eefb; color: #1f3d7a; }
.doc-badge.mo { background: var(--teal-100); color: var(--teal-800); }
.doc-badge.mpo { background: #fdf0e1; color: #7a4100; }
.locator { font-weight: 700; color: var(--ink); font-variant-numeric: tabular-nums;
  display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.result-title { display: block; margin-top: 4px; font-size: 15.5px; font-weight: 700; color: var(--plum-800); }
.result-path { display: block; font-size: 12.5px; color: var(--muted); }
.result-snippet { margin: 6px 0 0; font-size: 14px; color: #3b3447; }
mark { background: #fff0b3; color: inherit; padding: 0 1px; border-radius: 3px; }
.result-foot { display: flex; justify-content: space-between; align-items: center; margin-top: 8px; gap: 8px; }
.asof { font-size: 12px; color: var(--muted); }
.copy { display: inline-flex; align-items: center; gap: 6px; padding: 5px 11px; border: 1px solid var(--teal-200); border-radius: 999px; background: #f3faf9; color: var(--teal-800); font: inherit; font-size: 13px; font-weight: 700; cursor: pointer; }
.copy:hover { background: var(--teal-100); }
.copy.copied { background: var(--teal-700); border-color: var(--teal-700); color: #fff; }
.section-pane { position: sticky; top: 16px; max-height: calc(100vh - 32px); overflow-y: auto; padding: 22px 26px; }
.empty { color: var(--muted); text-align: center; padding: 60px 10px; }
.empty-title { font-weight: 700; font-size: 17px; color: var(--ink); margin: 0 0 4px; }
.pane-doc { margin: 0; font-size: 13px; color: var(--muted); }
.pane-title { margin: 4px 0 4px; font-size: 22px; line-height: 1.25; color: var(--plum-800); }
.pane-title:focus { outline: none; }
.pane-back { display: none; align-items: center; min-height: 44px; margin: 0 0 6px; padding: 0 14px; border: 1px solid var(--plum-200); border-radius: 12px;
  background: #fff; color: var(--plum-700); font: inherit; font-weight: 700; cursor: pointer; }
.block.match { padding: 6px 10px; border-left: 4px solid var(--teal-700); border-radius: 6px; background: var(--teal-100); }
.pane-path { margin: 0 0 10px; font-size: 13px; color: var(--muted); }
.pane-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; padding: 10px 0 14px; border-bottom: 1px solid var(--line); margin-bottom: 14px; }
.pane-locator { font-weight: 700; }
.block { margin: 0 0 10px; }
.block.heading { font-weight: 800; color: var(--plum-800); margin-top: 16px; }
.block.depth-1 { margin-left: 18px; } .block.depth-2 { margin-left: 36px; } .block.depth-3 { margin-left: 54px; } .block.depth-4 { margin-left: 72px; }
.block-loc { display: inline-block; margin: 0; padding: 0 6px; border: 1px solid transparent; border-radius: 6px; background: none;
  font: inherit; font-size: 12px; color: var(--muted); white-space: nowrap; cursor: copy; }
.block-loc:hover { border-color: var(--teal-200); background: #f3faf9; color: var(--teal-800); }
.block-loc.copied { background: var(--teal-700); color: #fff; }
.error { color: #8c1d18; }
@media (max-width: 860px) {
  .layout { grid-template-columns: minmax(0, 1fr); padding: 12px; }
  .result, .block { overflow-wrap: anywhere; }
  .block-loc { white-space: normal; text-align: left; }
  .section-pane { position: static; max-height: none; overflow: visible; }
  .pane-back { display: inline-flex; position: sticky; top: 8px; z-index: 1; box-shadow: 0 4px 12px -4px rgba(47, 26, 74, .35); }
}
`;
