/** Welcome card, bubbles, citations, source cards, notices and hotline cards. */
export const MESSAGE_CSS = `
.welcome { padding: 16px; border: 1px solid var(--line); border-radius: 16px; background: var(--paper); }
.welcome p { margin: 0 0 10px; }
.welcome-lead { font-size: 16.5px; font-weight: 700; color: var(--plum-800); }
.suggest-label { font-size: 13px; font-weight: 700; color: var(--muted); }
.suggestions { list-style: none; margin: 0 0 12px; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.suggestion {
  width: 100%; min-height: 44px; padding: 9px 12px; text-align: left; cursor: pointer; font-size: 14px;
  border: 1px solid var(--plum-200); border-radius: 12px; background: var(--plum-100); color: var(--plum-800);
}
.suggestion:hover { background: #ebe1f6; border-color: #d6c6ea; }
.privacy { display: flex; gap: 10px; padding: 10px 12px; border-radius: 12px; background: var(--teal-100); color: #174843; font-size: 13px; }
.privacy p { margin: 0; }
.tracks summary { display: flex; align-items: center; min-height: 44px; font-weight: 700; cursor: pointer; text-decoration: underline; }
.tracks p { margin: 0 0 4px; }
.legal-note { margin: 12px 0 0 !important; color: var(--muted); font-size: 12.5px; }
.legal-note strong { color: var(--ink); }
.privacy .icon { margin-top: 2px; color: var(--teal-700); }

.bubble { max-width: 100%; padding: 12px 14px; border-radius: 16px; overflow-wrap: anywhere; }
.bubble.user {
  align-self: flex-end; max-width: 88%; white-space: pre-wrap;
  background: var(--plum-700); color: #fff; border-bottom-right-radius: 6px;
}
.bubble.bot {
  align-self: stretch; background: var(--paper); border: 1px solid var(--line);
  border-bottom-left-radius: 6px; box-shadow: 0 1px 2px rgba(47, 26, 74, .05);
}
.answer-text p { margin: 0 0 10px; }
.answer-text ul { margin: 0 0 10px; padding-left: 20px; }
.answer-text li { margin: 4px 0; }
.answer-text > :last-child { margin-bottom: 0; }
.lumen .phone-link { color: var(--teal-800); font-weight: 700; white-space: nowrap; }
.thinking { display: flex; align-items: center; gap: 10px; color: var(--muted); }
.dots { display: inline-flex; gap: 4px; }
.dots span { width: 6px; height: 6px; border-radius: 50%; background: var(--plum-600); animation: lumen-pulse 1s infinite ease-in-out; }
.dots span:nth-child(2) { animation-delay: .15s; }
.dots span:nth-child(3) { animation-delay: .3s; }
@keyframes lumen-pulse { 0%, 100% { opacity: .25; } 50% { opacity: 1; } }

.cite {
  position: relative; display: inline-flex; align-items: center; justify-content: center; min-width: 24px; height: 24px;
  margin: 0 2px; padding: 0 7px; vertical-align: 1px; cursor: pointer;
  border: 1px solid #9fd3cd; border-radius: 999px; background: var(--teal-100); color: var(--teal-800);
  font-size: 12.5px; font-weight: 700; line-height: 1;
}
.cite::after { content: ''; position: absolute; inset: -11px; } /* a 44px target around a small marker */
.cite:hover { background: #d3eeea; }
.cite[aria-expanded="true"] { background: var(--teal-700); border-color: var(--teal-700); color: #fff; }
.cite.pending { cursor: default; color: var(--muted); border-color: var(--line); background: var(--wash); }

.source-card { margin-top: 12px; padding: 12px 14px; border: 1px solid var(--teal-200); border-radius: 14px; background: #f3faf9; }
.source-card:focus { outline: none; }
.source-card:focus-visible { outline: 3px solid var(--teal-700); outline-offset: 2px; }
.card-head { display: flex; align-items: center; justify-content: space-between; }
.card-kicker { display: inline-flex; align-items: center; gap: 6px; margin: 0; color: var(--teal-800);
  font-size: 12px; font-weight: 700; letter-spacing: .06em; text-transform: uppercase; }
.card-kicker .icon { width: 16px; height: 16px; }
.card-close { color: var(--teal-800); }
.card-close:hover { background: #dcefec; }
.card-quote { margin: 6px 0 10px; padding: 2px 0 2px 12px; border-left: 3px solid var(--teal-700); font-size: 14.5px; }
.card-doc { margin: 0 0 2px; font-size: 13.5px; font-weight: 700; }
.card-path { margin: 0 0 8px; font-size: 12.5px; color: var(--muted); }
.card-facts { display: flex; flex-direction: column; gap: 4px; margin: 0 0 10px; }
.card-facts > div { display: flex; gap: 10px; align-items: baseline; }
.card-facts dt { flex: none; width: 52px; font-size: 11.5px; font-weight: 700; letter-spacing: .05em; text-transform: uppercase; color: var(--muted); }
.card-facts dd { margin: 0; font-size: 13.5px; font-weight: 600; }
.card-asof.undated { color: #7a4100; }
.card-note { margin: -4px 0 10px; font-size: 12.5px; color: var(--muted); }
.card-links { display: flex; flex-wrap: wrap; gap: 4px 14px; }
.card-link { display: inline-flex; align-items: center; gap: 4px; min-height: 44px; font-size: 13.5px; font-weight: 700; }
.lumen button.card-link { padding: 0 12px; border: 1px solid var(--teal-200); border-radius: 12px; background: #fff; color: var(--teal-800); cursor: pointer; }
.lumen button.card-link:hover { background: var(--teal-100); }
.card-link .icon { width: 14px; height: 14px; }
.card-link.subtle { font-weight: 600; }

.sources-line { display: flex; gap: 6px; align-items: flex-start; margin: 12px 0 0; padding-top: 9px;
  border-top: 1px dashed var(--plum-200); color: var(--muted); font-size: 12.5px; }
.sources-line .icon { width: 15px; height: 15px; margin-top: 2px; }
.disclaimer { margin: 8px 0 0; color: var(--muted); font-size: 12px; }

.notices { display: flex; flex-direction: column; gap: 6px; margin-bottom: 10px; }
.notices { margin: 0 0 10px; }
.notice { padding: 0 11px; border: 1px solid #efd7a6; border-radius: 12px; background: #fff8e8; color: #553600; font-size: 13.5px; }
.notice-label { display: flex; align-items: center; gap: 8px; min-height: 44px; font-weight: 700; cursor: pointer; }
.notice .icon { width: 16px; height: 16px; }
.notice p { margin: 0 0 9px; }

.emergency-wrap { margin-bottom: 14px; }
.emergency { padding: 12px; border: 1px solid #f1c4c6; border-radius: 14px; background: var(--rose-100); }
.emergency-title { margin: 0 0 8px; color: var(--rose-800); font-weight: 800; }
.lumen .call-911 { display: flex; align-items: center; gap: 12px; min-height: 44px; padding: 12px 16px; border-radius: 12px;
  background: var(--rose-700); color: #fff; text-decoration: none; }
.call-911:hover { background: var(--rose-800); }
.call-911 .icon { width: 26px; height: 26px; }
.call-911 strong { display: block; font-size: 19px; line-height: 1.2; }
.call-911-note { display: block; font-size: 13px; }
.lumen .call-911.compact { margin-top: 6px; padding: 6px 14px; }
.call-911.compact strong { display: inline; font-size: 16px; margin-right: 6px; }
.call-911.compact .call-911-note { display: inline; }
.retry { min-height: 44px; margin-top: 4px; padding: 0 18px; border: 0; border-radius: 12px; cursor: pointer;
  background: var(--plum-700); color: #fff; font-weight: 700; }
.retry:hover { background: var(--plum-800); }
.cancelled { margin: 0; color: var(--muted); font-size: 13.5px; font-style: italic; }
.related { margin-top: 12px; }
.related .suggestions { margin: 4px 0 0; }

.hotline-intro { margin: 12px 0 0; font-size: 13.5px; font-weight: 700; }
.hotline-list { list-style: none; margin: 8px 0 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.hotline-card { padding: 10px 12px; border: 1px solid var(--line); border-radius: 12px; background: var(--paper); }
.hotline-name { margin: 0; font-size: 14px; font-weight: 700; }
.hotline-when { margin: 2px 0 0; font-size: 12.5px; color: var(--muted); }
.hotline-actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.action { display: inline-flex; align-items: center; gap: 5px; min-height: 44px; padding: 5px 13px;
  border: 1px solid var(--teal-200); border-radius: 999px; background: #f3faf9;
  font-size: 13px; font-weight: 700; text-decoration: none; }
.lumen .action { color: var(--teal-800); }
.lumen .action-call { background: var(--teal-700); border-color: var(--teal-700); color: #fff; }
.action .icon { width: 15px; height: 15px; }
.action-plain { cursor: default; }
`;
