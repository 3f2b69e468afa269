import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvalReport } from '../report-types.js';
import { htmlReport } from './html-report.js';
import { junitReport } from './junit-report.js';
import { markdownReport } from './markdown-report.js';

/** Writes a file whole or not at all (temp file, then rename), so a CI reader never sees half a report. */
function writeAtomically(path: string, text: string): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}

/** Writes latest.json, latest.md, latest.junit.xml and latest.html into the reports folder. */
export function writeReports(report: EvalReport, directory: string): string[] {
  mkdirSync(directory, { recursive: true });
  const files: Array<[string, string]> = [
    ['latest.json', `${JSON.stringify(report, null, 2)}\n`],
    ['latest.md', markdownReport(report)],
    ['latest.junit.xml', junitReport(report)],
    ['latest.html', htmlReport(report)],
  ];
  return files.map(([name, text]) => {
    const path = join(directory, name);
    writeAtomically(path, text);
    return path;
  });
}
