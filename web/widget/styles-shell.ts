/** Launcher, panel frame, header, hotline strip, composer and footer. */
export const SHELL_CSS = `
.lumen[popover] { position: fixed; inset: auto; width: 0; height: 0; margin: 0; padding: 0; border: 0;
  overflow: visible; background: transparent; color: var(--ink); }
.launcher {
  position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;
  display: flex; align-items: center; gap: 12px; max-width: calc(100vw - 40px);
  padding: 8px 20px 8px 8px; border: 0; border-radius: 999px; cursor: pointer;
  background: linear-gradient(135deg, var(--plum-600), var(--plum-800)); color: #fff;
  box-shadow: 0 12px 28px -8px rgba(47, 26, 74, .55), 0 2px 6px rgba(47, 26, 74, .2);
  transition: transform .15s ease, box-shadow .15s ease;
}
.launcher:hover { transform: translateY(-1px); box-shadow: 0 16px 32px -8px rgba(47, 26, 74, .6), 0 2px 6px rgba(47, 26, 74, .2); }
.launcher-icon { width: 44px; height: 44px; padding: 11px; border-radius: 50%; background: rgba(255, 255, 255, .16); }
.launcher .when-open, .is-open .launcher .when-closed { display: none; }
.is-open .launcher .when-open { display: block; }
.launcher-text { display: flex; flex-direction: column; line-height: 1.25; min-width: 0; text-align: left; }
.launcher-title { font-weight: 700; font-size: 15px; }
.launcher-sub { font-size: 12.5px; color: #eadff7; }

.panel {
  position: fixed; right: 20px; bottom: 96px; z-index: 2147483001;
  display: flex; flex-direction: column; width: 410px; max-width: calc(100vw - 40px);
  height: min(700px, calc(100vh - 120px)); overflow: hidden;
  background: var(--paper); border-radius: 20px;
  box-shadow: 0 28px 70px -16px rgba(47, 26, 74, .45), 0 0 0 1px rgba(47, 26, 74, .08);
  animation: lumen-rise .18s ease-out;
}
.panel[hidden] { display: none; }
@keyframes lumen-rise { from { opacity: 0; transform: translateY(10px) scale(.985); } }

.header {
  display: flex; align-items: center; gap: 10px; padding: 12px 10px 12px 12px;
  background: linear-gradient(135deg, var(--plum-800), var(--plum-600)); color: #fff;
}
.header :focus-visible { outline-color: #fff; }
.quick-exit {
  display: inline-flex; align-items: center; gap: 6px; flex: none; min-height: 44px;
  padding: 6px 12px 6px 10px; border: 0; border-radius: 10px; cursor: pointer;
  background: #fff; color: var(--rose-700); font-weight: 700; font-size: 14px;
  box-shadow: 0 1px 0 rgba(0, 0, 0, .15);
}
.quick-exit:hover { background: var(--rose-100); }
.exit-count { font-variant-numeric: tabular-nums; }
.exit-count:empty { display: none; }
.quick-exit.floating { position: fixed; top: 12px; right: 12px; z-index: 2147483002; border: 2px solid var(--rose-700);
  box-shadow: 0 6px 18px -6px rgba(47, 26, 74, .5); }
.is-open .quick-exit.floating { display: none; }
.titles { flex: 1; min-width: 0; }
.title { margin: 0; font-size: 16px; font-weight: 700; line-height: 1.2; letter-spacing: .01em; }
.subtitle { margin: 0; font-size: 12.5px; color: #eadff7; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.icon-button {
  display: inline-grid; place-items: center; width: 44px; height: 44px; flex: none;
  border: 0; border-radius: 10px; background: transparent; color: inherit; cursor: pointer;
}
.header .icon-button:hover { background: rgba(255, 255, 255, .14); }
.icon-button .icon { width: 20px; height: 20px; }

.strip { padding: 8px 12px; background: var(--plum-100); border-bottom: 1px solid var(--plum-200); font-size: 13px; }
.strip-row { display: flex; align-items: center; gap: 6px; }
.strip-911, .strip-line {
  display: inline-flex; align-items: center; gap: 6px; min-height: 44px; padding: 4px 12px;
  border-radius: 12px; background: #fff; text-decoration: none; font-weight: 700; line-height: 1.15;
}
.lumen .strip-911 { flex: none; color: var(--rose-700); border: 1px solid #efc4c6; font-size: 14px; }
.lumen .strip-line { flex-direction: column; align-items: flex-start; justify-content: center; gap: 1px; min-width: 0; flex: 0 1 auto;
  color: var(--teal-800); border: 1px solid var(--teal-200); }
.strip-911 .icon { width: 16px; height: 16px; }
.strip-name { max-width: 100%; font-size: 11.5px; font-weight: 600; color: var(--muted); }
.strip-phone { font-size: 13.5px; font-variant-numeric: tabular-nums; white-space: nowrap; }
.strip-more {
  display: inline-flex; align-items: center; justify-content: center; gap: 2px; margin-left: auto; flex: none; min-height: 44px; min-width: 44px;
  padding: 4px 8px; border: 0; border-radius: 10px; background: transparent;
  color: var(--plum-700); font-weight: 700; font-size: 13px; cursor: pointer;
}
.strip-more:hover { background: var(--plum-200); }
.chevron { width: 16px; height: 16px; transition: transform .15s ease; }
.strip-more[aria-expanded="true"] .chevron { transform: rotate(180deg); }
.strip-drawer { max-height: 40vh; overflow-y: auto; padding: 2px 0 4px; }

.log {
  position: relative; flex: 1; overflow-y: auto; overscroll-behavior: contain; padding: 16px 14px;
  display: flex; flex-direction: column; gap: 12px; background: var(--wash);
}
.log:focus-visible { outline-offset: -3px; }

.composer {
  display: flex; align-items: flex-end; gap: 8px; padding: 10px 12px;
  border-top: 1px solid var(--line); background: var(--paper);
}
.input {
  flex: 1; min-width: 0; min-height: 44px; max-height: 140px; resize: none;
  padding: 10px 12px; border: 1.5px solid #85789a; border-radius: 12px;
  background: #fff; color: var(--ink); font-size: 16px; line-height: 1.4;
}
.input::placeholder { color: #6b6379; }
.lumen .input:focus-visible, .input:focus { outline: none; border-color: var(--plum-600); box-shadow: 0 0 0 3px rgba(90, 47, 134, .2); }
.send {
  display: inline-grid; place-items: center; width: 44px; height: 44px; flex: none;
  border: 0; border-radius: 12px; background: var(--plum-700); color: #fff; cursor: pointer;
}
.send:hover { background: var(--plum-800); }
.send .icon { width: 20px; height: 20px; }

.reader-slot { display: contents; }
.reader { flex: 1; overflow-y: auto; overscroll-behavior: contain; padding: 8px 14px 16px; background: var(--paper); }
.reader[hidden], .panel.reading .log, .panel.reading .composer { display: none; }
.reader-back { position: sticky; top: 0; z-index: 1; display: inline-flex; align-items: center; gap: 4px; min-height: 44px; padding: 0 10px 0 4px; margin-bottom: 4px; background: #fff;
  border: 0; border-radius: 10px; background: transparent; color: var(--plum-700); font-weight: 700; cursor: pointer; }
.reader-back:hover { background: var(--plum-100); }
.back-icon { transform: rotate(90deg); }
.reader-doc, .reader-path { margin: 0; font-size: 12.5px; color: var(--muted); }
.reader-title { margin: 2px 0 4px; font-size: 17px; line-height: 1.3; color: var(--plum-800); }
.reader-title:focus { outline: none; }
.reader-block { margin: 0 0 8px; font-size: 14.5px; }
.reader-block.depth-1 { margin-left: 14px; } .reader-block.depth-2 { margin-left: 28px; }
.reader-block.depth-3, .reader-block.depth-4 { margin-left: 42px; }
.reader-block.quoted { padding: 6px 10px; border-left: 4px solid var(--teal-700); border-radius: 6px; background: var(--teal-100); }
.reader-loc { font-size: 12px; color: var(--muted); white-space: nowrap; }

@media (max-width: 480px) {
  .panel { inset: 0; width: 100%; max-width: none; height: 100%; border-radius: 0; animation: none; }
  .launcher { right: 12px; bottom: 12px; max-width: calc(100vw - 24px); padding-right: 16px; }
  .launcher-sub { display: none; }
  .launcher-title { font-size: 14px; }
  .header { gap: 8px; padding: 10px 6px 10px 10px; }
  .subtitle { font-size: 12px; }
  .strip { padding: 8px 10px; }
  .strip-911, .strip-line { padding: 4px 9px; }
  .strip-more { padding: 4px; }
  .strip-more-extra { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .is-open .launcher { display: none; }
}
/* Short screens (zoomed to 200% or 400%, a phone on its side): the panel fills the screen and
   scrolls as one page under a slim sticky bar with Quick exit, so the answer gets the room. */
@media (max-height: 560px) {
  .panel { inset: 0; width: 100%; max-width: none; height: 100%; border-radius: 0; animation: none; display: block; overflow-y: auto; }
  .header { position: sticky; top: 0; z-index: 1; gap: 6px; padding: 2px 4px 2px 6px; }
  .subtitle { display: none; }
  .title { font-size: 15px; }
  .strip { padding: 4px 8px; }
  .strip-drawer { max-height: none; }
  .log, .reader { overflow: visible; }
  .log { padding: 10px; }
  .is-open .launcher { display: none; }
}
@media (forced-colors: active) {
  .panel, .bubble, .welcome, .source-card, .hotline-card, .notice, .emergency, .reader-block.quoted { border: 1px solid CanvasText; }
  .quick-exit, .send, .launcher, .strip-911, .strip-line, .strip-more, .action, .suggestion, .cite, .retry, .call-911, .card-link, .reader-back, .icon-button {
    border: 2px solid ButtonText; }
  .input { border-color: CanvasText; }
  .lumen :focus-visible { outline: 3px solid Highlight; }
}
`;
