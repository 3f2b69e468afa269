import { describeThresholdFailure } from '../gate.js';
import type { EvalReport } from '../report-types.js';
import { escapeXml } from './escape.js';
import { question, reportModes } from './format.js';

const seconds = (milliseconds: number) => (milliseconds / 1000).toFixed(3);

/**
 * latest.junit.xml: one testsuite per mode with one testcase per eval case, plus a "gate" suite whose
 * testcases are the thresholds and the baseline comparison, so CI shows why the gate failed.
 */
export function junitReport(report: EvalReport): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const mode of reportModes(report)) {
    const run = report.modes[mode]!;
    const cases = run.cases.map((result) => {
      const attributes = `classname="lumen.eval.${mode}.${escapeXml(result.kind)}" name="${escapeXml(result.id)}" time="${seconds(result.latencyMs)}"`;
      if (result.passed) return `    <testcase ${attributes}/>`;
      const detail = [`question: ${question(result)}`, `status: ${result.status}`, ...result.failures.map((failure) => `- ${failure}`)].join('\n');
      return `    <testcase ${attributes}>\n      <failure message="${escapeXml(result.failures.join('; '))}" type="eval">${escapeXml(detail)}</failure>\n    </testcase>`;
    });
    const time = run.cases.reduce((sum, result) => sum + result.latencyMs, 0);
    tests += run.summary.cases;
    failures += run.summary.failed;
    suites.push(`  <testsuite name="lumen-eval-${mode}" tests="${run.summary.cases}" failures="${run.summary.failed}" errors="0" time="${seconds(time)}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  const gate = report.gate;
  if (gate) {
    const checks: string[] = [];
    const thresholdFailure = gate.thresholdFailures.map((failure) => `${gate.thresholdMode}: ${describeThresholdFailure(failure)}`);
    checks.push(
      thresholdFailure.length === 0
        ? `    <testcase classname="lumen.eval.gate" name="thresholds"/>`
        : `    <testcase classname="lumen.eval.gate" name="thresholds">\n      <failure message="${escapeXml(thresholdFailure.join('; '))}" type="threshold">${escapeXml(thresholdFailure.join('\n'))}</failure>\n    </testcase>`,
    );
    if (gate.comparison) {
      const regressions = gate.comparison.regressions.map((regression) => `${regression.mode} ${regression.id}: ${regression.failures.join('; ')}`);
      checks.push(
        regressions.length === 0
          ? `    <testcase classname="lumen.eval.gate" name="no-regressions"/>`
          : `    <testcase classname="lumen.eval.gate" name="no-regressions">\n      <failure message="${escapeXml(`${regressions.length} regression(s)`)}" type="regression">${escapeXml(regressions.join('\n'))}</failure>\n    </testcase>`,
      );
    }
    const failed = checks.filter((check) => check.includes('<failure')).length;
    tests += checks.length;
    failures += failed;
    suites.push(`  <testsuite name="lumen-eval-gate" tests="${checks.length}" failures="${failed}" errors="0" time="0">\n${checks.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="lumen-eval" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
}
