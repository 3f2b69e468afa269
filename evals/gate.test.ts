// Proves the gate can fail: remove facts from a copy of the corpus, rebuild the index there, and check
// that the eval names exactly the cases that relied on them as regressions, in-process and via the CLI.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../ingest/build.js';
import { PROJECT_ROOT } from '../ingest/config.js';
import { createEmbedder } from '../ingest/embedders/create-embedder.js';
import { parseServerConfig } from '../server/config.js';
import { createRuntime } from '../server/runtime.js';
import { ensureTestIndex, TEST_DATA_DIR } from '../server/testing/test-runtime.js';
import { loadBaseline, saveBaseline } from './baseline.js';
import { loadCases } from './case-schema.js';
import { gateVerdict } from './gate.js';
import type { EvalReport } from './report-types.js';
import { runEval } from './run-eval.js';
import { createInProcessTarget } from './targets/in-process-target.js';

const run = promisify(execFile);

/** Cases that rest on the two passages the test deletes. */
const AFFECTED = ['mo-duration-01', 'mo-duration-02', 'mo-duration-03', 'fu-mo-stalking-duration-01', 'dodi-mpo-cancel-form-01', 'dodi-mpo-cancel-form-02', 'fu-mpo-cancel-01'];
/** Cases far from the edits; whatever they did before, they must not become regressions. */
const CONTROLS = ['dodi-lautenberg-02', 'mo-register-notify-01', 'nf-kansas-fees-01'];

const MO_FILE = 'womenslaw-missouri-restraining-orders.txt';
const DODI_FILE = 'dodi-6400-06.txt';
// The full-order duration sentences (under domestic violence and again under stalking); the file has NBSPs.
const DURATION = /If the judge grants you an order, it will usually last[\s\S]*?physical or mental health\.[ \u00a0]?/g;
// Every mention of the cancellation form, including the one hyphenated across a PDF line break.
const CANCEL_FORM = /DD Form 2873-\s*1/g;

/** Rewrites a corpus file, failing loudly if the passage to remove is no longer where the test expects it. */
function removeFromCorpus(options: { corpusDir: string; file: string; pattern: RegExp; count: number; replacement: string }): void {
  const path = join(options.corpusDir, options.file);
  const text = readFileSync(path, 'utf8');
  expect(text.match(options.pattern)?.length, `${options.file}: passage to remove`).toBe(options.count);
  writeFileSync(path, text.replace(options.pattern, options.replacement));
}

describe('the eval gate on a corpus with facts removed', () => {
  const root = mkdtempSync(join(tmpdir(), 'lumen-gate-'));
  const env = { LUMEN_CORPUS_DIR: join(root, 'corpus'), LUMEN_DATA_DIR: join(root, 'data'), LUMEN_LOG: 'silent', LUMEN_WATCH_INDEX: 'false' };
  const config = parseServerConfig(env);
  const embedder = createEmbedder(config.ingest.embedder);
  const allCases = loadCases(join(PROJECT_ROOT, 'evals', 'cases-dev.jsonl'));
  const cases = allCases.filter((evalCase) => [...AFFECTED, ...CONTROLS].includes(evalCase.id));
  const casesFile = join(root, 'cases.jsonl');
  const baselineFile = join(root, 'baseline.json');
  let before: EvalReport;
  let after: EvalReport;
  let changedSections: string[];

  beforeAll(async () => {
    cpSync(join(PROJECT_ROOT, 'corpus'), env.LUMEN_CORPUS_DIR, { recursive: true });
    // Seed the embedding cache from the shared test index (built once, and kept current with the ingest
    // code), so the builds here embed only the edited chunks.
    await ensureTestIndex();
    const cache = join(TEST_DATA_DIR, 'cache');
    if (existsSync(cache)) cpSync(cache, join(env.LUMEN_DATA_DIR, 'cache'), { recursive: true });
    writeFileSync(casesFile, cases.map((evalCase) => JSON.stringify(evalCase)).join('\n'));

    await buildIndex({ config: config.ingest, embedder });
    const original = await createRuntime({ config, embedder });
    before = await runEval({ cases, target: createInProcessTarget(original), modes: ['hybrid'], casesFile });
    saveBaseline(baselineFile, before);

    removeFromCorpus({ corpusDir: env.LUMEN_CORPUS_DIR, file: MO_FILE, pattern: DURATION, count: 2, replacement: '' });
    removeFromCorpus({ corpusDir: env.LUMEN_CORPUS_DIR, file: DODI_FILE, pattern: CANCEL_FORM, count: 3, replacement: 'the cancellation form' });
    const rebuilt = await buildIndex({ config: config.ingest, embedder });
    changedSections = rebuilt.changes.changed;
    const altered = await createRuntime({ config, embedder });
    after = await runEval({ cases, target: createInProcessTarget(altered), modes: ['hybrid'], casesFile });
  }, 240_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('has all the cases it needs and sees the edited sections as changed', () => {
    expect(cases.map((evalCase) => evalCase.id).sort()).toEqual([...AFFECTED, ...CONTROLS].sort());
    expect(changedSections).toEqual(
      expect.arrayContaining([
        'mo:orders-protection-domestic-violence/what-types-of-orders-of-protection-are-there-how-long-do-they-last',
        'mo:orders-protection-stalking-sexual/what-types-of-orders-of-protection-due-to-stalking-or-sexual-assault-are-there',
        'dodi:3.5.d.(3)',
        'dodi:2.6.b.(2)',
      ]),
    );
  });

  it('fails the run and names every affected case that used to pass as a regression, and nothing else', () => {
    const passedBefore = before.modes.hybrid!.cases.filter((result) => result.passed).map((result) => result.id);
    const affectedPassing = AFFECTED.filter((id) => passedBefore.includes(id));
    // Without passing cases on each document there is nothing to regress, and the test would prove nothing.
    expect(affectedPassing.some((id) => id.startsWith('mo-') || id.startsWith('fu-mo'))).toBe(true);
    expect(affectedPassing.some((id) => id.includes('mpo-cancel'))).toBe(true);

    const verdict = gateVerdict({ report: after, thresholds: null, baseline: { baseline: loadBaseline(baselineFile), file: baselineFile } });
    expect(verdict.ok).toBe(false);
    const regressed = verdict.comparison!.regressions.map((change) => change.id);
    expect(regressed.sort()).toEqual([...affectedPassing].sort());
    expect(regressed.filter((id) => CONTROLS.includes(id))).toEqual([]);
    for (const id of regressed) expect(verdict.reasons.some((reason) => reason.includes(id))).toBe(true);
  });

  it('makes `npm run eval -- --baseline` exit non-zero and print the regressions', async () => {
    const thresholdsFile = join(root, 'no-thresholds.json');
    writeFileSync(thresholdsFile, '{}');
    const outDir = join(root, 'reports');
    const args = [join(PROJECT_ROOT, 'evals', 'cli.ts'), '--mode', 'hybrid', '--cases', casesFile, '--baseline', baselineFile, '--thresholds', thresholdsFile, '--out', outDir];
    const result = await run(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env } }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Gate: FAILED');
    const passedBefore = before.modes.hybrid!.cases.filter((entry) => entry.passed && AFFECTED.includes(entry.id));
    for (const entry of passedBefore) expect(result.stdout).toContain(`REGRESSION hybrid ${entry.id}`);
    expect(readFileSync(join(outDir, 'latest.junit.xml'), 'utf8')).toContain('name="no-regressions"');
  }, 120_000);
});
