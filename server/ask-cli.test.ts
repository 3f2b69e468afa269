// The terminal lookups staff use during a call, run as the real command on the shared test index.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../ingest/config.js';
import { ensureTestIndex, TEST_DATA_DIR } from './testing/test-runtime.js';

const run = promisify(execFile);
const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'server', 'ask-cli.ts'), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LUMEN_DATA_DIR: TEST_DATA_DIR },
    timeout: 60_000,
  });

describe('npm run ask', () => {
  beforeAll(async () => {
    await ensureTestIndex();
  }, 600_000);

  it('answers a question with numbered citations, their locators and the disclaimer', async () => {
    const { stdout } = await cli('how long does a full order of protection last in missouri');
    expect(stdout).toMatch(/^\[answered\]/);
    const markers = [...stdout.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
    expect(markers.length).toBeGreaterThan(0);
    for (const n of new Set(markers)) expect(stdout).toMatch(new RegExp(`^\\[${n}\\] WomensLaw Missouri Q&A: .*§ 455\\.0`, 'm'));
    expect(stdout).toMatch(/legal information, not legal advice/i);
  });

  it('--search lists passages with paragraph and page, and the form number leads', async () => {
    const { stdout } = await cli('--search', 'DD form to cancel MPO', '--doc', 'dodi');
    const first = stdout.split('\n\n')[0];
    expect(first).toMatch(/^1\. DoDI 6400\.06, para\. 3\.5\.d\.\(3\)\(g\), p\. 41/);
    expect(first).toContain('DD Form 2873-1');
    expect(stdout).not.toMatch(/WomensLaw/);
  });

  it('exits 2 with the usage, or the reason, on bad input', async () => {
    await expect(cli()).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/Usage: npm run ask/) });
    await expect(cli('--search', 'order', '--doc', 'kansas')).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown document "kansas"/) });
  });
});
