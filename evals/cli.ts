import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { buildIndex, staleReason } from '../ingest/build.js';
import { ConfigError, PROJECT_ROOT } from '../ingest/config.js';
import { IndexError, readCurrentManifest } from '../ingest/index-store.js';
import { parseServerConfig } from '../server/config.js';
import { createRuntime } from '../server/runtime.js';
import { loadBaseline, saveBaseline } from './baseline.js';
import { loadCaseFiles } from './case-schema.js';
import { ParamError, withOverrides, type ParamOverrides } from '../server/pipeline/params.js';
import { parseCliArgs, USAGE, UsageError } from './cli-args.js';
import { gateVerdict } from './gate.js';
import { EvalInputError } from './input-error.js';
import { runEval } from './run-eval.js';
import { formatSafetyReport, runSafetyReport } from './safety-report.js';
import type { EvalTarget } from './targets/eval-target.js';
import { createHttpTarget } from './targets/http-target.js';
import { createInProcessTarget } from './targets/in-process-target.js';
import { loadThresholds } from './thresholds.js';
import { consoleReport } from './writers/console-report.js';
import { writeReports } from './writers/write-reports.js';

const shown = (path: string) => relative(process.cwd(), path) || path;

/** The in-process target on the index named by the environment (LUMEN_DATA_DIR etc.), warning when it is stale. */
async function inProcessTarget(params: ParamOverrides): Promise<EvalTarget> {
  // The eval reads one index from start to end; it must not swap indexes mid-run.
  const config = parseServerConfig({ ...process.env, LUMEN_WATCH_INDEX: 'false', LUMEN_LOG: 'silent' });
  // A fresh clone has no index yet: build it, as `npm start` does, rather than stopping at "No index".
  if (!readCurrentManifest(config.ingest.dataDir)) {
    console.error('No index yet: building it first (npm run ingest)...');
    const summary = await buildIndex({ config: config.ingest });
    console.error(`Index ${summary.manifest.buildId} ready: ${summary.manifest.counts.sections} sections, ${summary.manifest.counts.chunks} chunks.`);
  }
  const stale = staleReason(config.ingest);
  if (stale) console.error(`Warning: the index is stale (${stale}); run "npm run ingest" first or the results describe the old content.`);
  return createInProcessTarget(await createRuntime({ config }), { params });
}

/** `npm run eval`: runs the cases, writes the reports, prints the table; exit 1 when the gate fails. */
async function main(argv: string[]): Promise<number> {
  const options = parseCliArgs(argv);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const allCases = loadCaseFiles(options.casesFiles);
  // Validated before the run; a wrong name fails in a second.
  const params = options.params.length > 0 ? (withOverrides(options.params) as ParamOverrides) : {};
  if (options.params.length > 0 && options.url) throw new UsageError('--param applies to the in-process run only, not to --url');
  let cases = options.split ? allCases.filter((evalCase) => evalCase.split === options.split) : allCases;
  if (options.only.length > 0) cases = cases.filter((evalCase) => options.only.some((text) => evalCase.id.includes(text)));
  if (cases.length === 0) throw new UsageError(`no case id contains ${options.only.map((text) => `"${text}"`).join(' or ')}`);
  const thresholds = existsSync(options.thresholdsFile) ? loadThresholds(options.thresholdsFile) : null;
  if (!thresholds) console.error(`Warning: ${shown(options.thresholdsFile)} not found; only regressions can fail this run.`);
  // Read the baseline before the run, so a wrong path fails in a second rather than after the whole run.
  const baseline = options.baselineFile ? { baseline: loadBaseline(options.baselineFile), file: shown(options.baselineFile) } : undefined;

  const target = options.url ? createHttpTarget(options.url) : await inProcessTarget(params);
  const interactive = process.stderr.isTTY;
  const report = await runEval({
    cases,
    target,
    modes: options.modes,
    casesFile: options.casesFiles.map((file) => relative(PROJECT_ROOT, file) || file).join(', '),
    onCase: (result, { done, total }) => {
      const line = `[${result.mode}] ${done}/${total}`;
      if (interactive) process.stderr.write(`\r${line}   `);
      else if (done === total || done % 50 === 0) process.stderr.write(`${line}\n`);
    },
  });
  if (interactive) process.stderr.write('\n');
  report.gate = gateVerdict({ report, thresholds, baseline, knownCaseIds: allCases.map((evalCase) => evalCase.id) });
  writeReports(report, options.reportsDir);
  if (options.saveBaselineFile) {
    saveBaseline(options.saveBaselineFile, report);
    console.error(`Baseline written to ${shown(options.saveBaselineFile)}`);
  }
  console.log(consoleReport(report, { reportsDir: shown(options.reportsDir) }));
  // The safety classifier's own figures per level, dev (out-of-fold) beside its held-out test examples.
  if (!options.url && options.only.length === 0) console.log(`\n${formatSafetyReport(await runSafetyReport())}`);
  return report.gate.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Usage and file mistakes get their message alone; anything else keeps its stack for whoever debugs it.
    const expected = error instanceof EvalInputError || error instanceof ConfigError || error instanceof IndexError || error instanceof ParamError;
    console.error(expected ? (error as Error).message : error);
    process.exit(2);
  },
);
