import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../ingest/config.js';
import { ensureTestIndex, TEST_DATA_DIR } from '../server/testing/test-runtime.js';

let root: string;
beforeAll(async () => {
  // Only for its embedding cache, so the build below embeds nothing.
  await ensureTestIndex();
  root = mkdtempSync(join(tmpdir(), 'lumen-eval-fresh-'));
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('npm run eval on a fresh clone (item 17)', () => {
  it('builds the index first when there is none, then runs the cases', async () => {
    const dataDir = join(root, 'data');
    cpSync(join(TEST_DATA_DIR, 'cache'), join(dataDir, 'cache'), { recursive: true });
    const casesFile = join(root, 'cases.jsonl');
    writeFileSync(casesFile, `${readFileSync(join(PROJECT_ROOT, 'evals', 'cases-dev.jsonl'), 'utf8').split('\n')[0]}\n`);
    const reports = join(root, 'reports');
    const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'evals/cli.ts', '--cases', casesFile, '--mode', 'lexical', '--out', reports], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, LUMEN_DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, output });
      });
    });
    expect(result.output).not.toMatch(/No index at/);
    expect(result.output).toContain('building it first');
    // 0 or 1 is the gate's verdict on one case; 2 would be "could not run".
    expect([0, 1]).toContain(result.code);
    expect(existsSync(join(dataDir, 'current'))).toBe(true);
    expect(readdirSync(reports).length).toBeGreaterThan(0);
  });
});
