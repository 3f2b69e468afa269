import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gateVerdict } from '../gate.js';
import { durationAnswer, durationCase, graded, kansasCase, reportOf } from '../test-fixtures.js';
import { thresholdsSchema } from '../thresholds.js';
import { consoleReport } from './console-report.js';
import { escapeHtml, escapeXml } from './escape.js';
import { htmlReport } from './html-report.js';
import { junitReport } from './junit-report.js';
import { markdownCell, markdownReport } from './markdown-report.js';
import { writeReports } from './write-reports.js';

const EVIL = `<script>alert("x")</script> & 'quotes' | pipes \u0007bell ]]> --> <!--`;

/** A report whose question, answer, quote and failures all carry markup, quotes and a control character. */
function hostileReport() {
  const evalCase = durationCase({ messages: [{ role: 'user', content: `how long ${EVIL}` }] });
  const answer = durationAnswer({ answer: `Between 180 days and one year ${EVIL} [1]` });
  answer.citations = [{ ...answer.citations[0], quote: `${answer.citations[0].quote} ${EVIL}`, locator: `MO ST § 455.040 ${EVIL}` }];
  const failing = graded(evalCase, answer);
  failing.failures.push(`custom ${EVIL}`);
  failing.passed = false;
  const report = reportOf({ hybrid: [failing, graded(kansasCase(), { status: 'not_found', answer: EVIL, citations: [], hotlines: [], notices: [] })] });
  report.gate = gateVerdict({ report, thresholds: thresholdsSchema.parse({ min: { passRate: 0.9 } }) });
  return report;
}

/** A small XML well-formedness check: balanced tags, quoted attributes, only known entities, no control characters. */
function assertWellFormedXml(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  expect(body).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  const stack: string[] = [];
  let roots = 0;
  for (const token of body.match(/<[^>]*>|[^<]+/g) ?? []) {
    if (!token.startsWith('<')) {
      expect(token.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toMatch(/[&<]/);
      if (stack.length === 0) expect(token.trim()).toBe('');
      continue;
    }
    const tag = /^<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>$/.exec(token);
    expect(tag, `malformed tag ${token}`).not.toBeNull();
    const [, closing, name, attributes, selfClosing] = tag!;
    expect(attributes.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toMatch(/&/);
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) {
      if (stack.length === 0) roots += 1;
      stack.push(name);
    } else if (stack.length === 0) roots += 1;
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

describe('report writers', () => {
  it('escapes text for HTML and XML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeXml('a\u0007b<c>')).toBe('ab&lt;c&gt;');
    expect(markdownCell('a | b\n<c>')).toBe('a \\| b &lt;c&gt;');
  });

  it('has an XML check that catches what it must', () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
    expect(() => assertWellFormedXml(`${head}<a><b></a></b>`)).toThrow();
    expect(() => assertWellFormedXml(`${head}<a>fish & chips</a>`)).toThrow();
    expect(() => assertWellFormedXml(`${head}<a x="1"/><b/>`)).toThrow();
    expect(() => assertWellFormedXml(`${head}<a x="1">ok &amp; fine</a>`)).not.toThrow();
  });

  it('writes well-formed JUnit XML with one testcase per case and a gate suite', () => {
    const xml = junitReport(hostileReport());
    assertWellFormedXml(xml);
    expect(xml).toContain('<testsuite name="lumen-eval-hybrid" tests="2" failures="2"');
    expect(xml).toContain('name="mo-duration-test"');
    expect(xml).toContain('<testcase classname="lumen.eval.gate" name="thresholds">');
    expect(xml).toContain('&lt;script&gt;');
  });

  it('writes a self-contained HTML page with every value escaped', () => {
    const html = htmlReport(hostileReport());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|src=|@import/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('MO ST § 455.040');
    expect(html).toContain('Gate: FAILED');
    // Worst first: the failing case comes before the other one.
    expect(html.indexOf('mo-duration-test')).toBeLessThan(html.indexOf('nf-kansas-test'));
  });

  it('writes Markdown and console text that name the failures', () => {
    const report = hostileReport();
    const markdown = markdownReport(report);
    expect(markdown).toContain('## Gate: FAILED');
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('`mo-duration-test`');
    const text = consoleReport(report, { reportsDir: 'evals/reports' });
    expect(text).toContain('Gate: FAILED');
    expect(text).toContain('hybrid (all cases): passRate 0.00 < 0.90');
  });

  it('writes the four latest.* files', () => {
    const directory = mkdtempSync(join(tmpdir(), 'lumen-reports-'));
    writeReports(hostileReport(), directory);
    for (const name of ['latest.json', 'latest.md', 'latest.junit.xml', 'latest.html']) expect(existsSync(join(directory, name))).toBe(true);
    expect(JSON.parse(readFileSync(join(directory, 'latest.json'), 'utf8')).modes.hybrid.cases).toHaveLength(2);
  });
});
