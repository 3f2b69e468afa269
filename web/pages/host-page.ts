import { escapeHtml } from './html.js';

export interface HostPageOptions {
  /** data-exit-url for the embed; omitted to show the default an integrator gets. */
  exitUrl?: string;
}

// A mock member organisation's site. Its global button, link and paragraph rules
// are deliberately loud: they would restyle any widget that shared the page's CSS.
const HOST_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font-family: Georgia, "DejaVu Serif", serif; color: #263238; background: #fbf7f0; line-height: 1.6; }
button { font-family: Georgia, serif; text-transform: uppercase; letter-spacing: .12em; background: #e07a2f; color: #fff;
  border: 3px solid #a94f12; border-radius: 0; padding: 14px 26px; font-size: 15px; cursor: pointer; }
a { color: #a94f12; }
p { font-size: 17px; }
h1, h2 { font-family: Georgia, serif; color: #1f4d45; line-height: 1.2; }
.site-head { display: flex; align-items: center; justify-content: space-between; gap: 16px; flex-wrap: wrap; padding: 18px 6vw; background: #1f4d45; color: #fff; }
.site-head a { color: #fff; text-decoration: none; margin-left: 18px; font-size: 15px; }
.brand { font-size: 21px; font-weight: bold; }
.brand span { display: block; font-size: 13px; font-weight: normal; opacity: .85; }
.hero { padding: 56px 6vw 40px; max-width: 980px; }
.hero h1 { font-size: clamp(30px, 6vw, 46px); margin: 0 0 14px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 18px; padding: 0 6vw 40px; }
.card { background: #fff; border: 1px solid #eadfcd; padding: 20px 22px; }
.card h2 { font-size: 20px; margin: 0 0 6px; }
.card p { margin: 0; font-size: 16px; }
.note { margin: 0 6vw 48px; padding: 16px 20px; background: #fff4e5; border-left: 6px solid #e07a2f; }
.note p { margin: 0; font-size: 15px; }
.site-foot { padding: 28px 6vw 120px; background: #efe6d6; font-size: 14px; }
@media (max-width: 600px) { .site-head a { margin: 0 14px 0 0; } }
`;

/** The demo host page: a mock organisation's site embedding the widget with one script tag. */
export function renderHostPage(options: HostPageOptions = {}): string {
  const exitAttribute = options.exitUrl ? ` data-exit-url="${escapeHtml(options.exitUrl)}"` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Riverside Family Safety Center</title>
<style>${HOST_CSS}</style>
</head>
<body>
<header class="site-head">
  <div class="brand">Riverside Family Safety Center<span>Shelter · Advocacy · Legal help since 1987</span></div>
  <nav aria-label="Site"><a href="#services">Services</a><a href="#legal">Legal help</a><a href="#contact">Contact</a></nav>
</header>
<main>
  <section class="hero">
    <h1>You deserve to feel safe at home.</h1>
    <p>Our advocates help survivors of domestic violence in Riverside County plan for safety, find shelter, and understand the legal options open to them, including orders of protection. Every service is free and confidential.</p>
    <button type="button">Donate</button>
  </section>
  <section class="cards" id="services" aria-label="Services">
    <div class="card"><h2>24-hour shelter</h2><p>Emergency housing for adults and children, with advocates on site day and night.</p></div>
    <div class="card" id="legal"><h2>Court advocacy</h2><p>We sit with you through ex parte and full order of protection hearings.</p></div>
    <div class="card"><h2>Military families</h2><p>We work with the installation Family Advocacy Program on military protective orders.</p></div>
  </section>
  <aside class="note" aria-label="About this demo">
    <p><strong>Demo page.</strong> This page styles every button orange, uppercase and square. The Lumen assistant in the corner is untouched, because it lives in its own Shadow DOM. It was added with one line: <code>&lt;script src="/widget.js" data-endpoint="/api/chat" defer&gt;&lt;/script&gt;</code></p>
  </aside>
</main>
<footer class="site-foot" id="contact">
  <p>Riverside Family Safety Center · 1200 River Road · Office (555) 010-0142. If you are in danger, call 911.</p>
</footer>
<script src="/widget.js" data-endpoint="/api/chat"${exitAttribute} defer></script>
</body>
</html>
`;
}
