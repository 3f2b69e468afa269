import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../ingest/config.js';
import { currentLink, IndexError } from '../ingest/index-store.js';
import { parseServerConfig } from './config.js';
import { createRuntime } from './runtime.js';
import { ensureTestIndex, TEST_DATA_DIR } from './testing/test-runtime.js';

let root: string;

beforeAll(async () => {
  await ensureTestIndex();
  root = mkdtempSync(join(tmpdir(), 'lumen-startup-'));
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Runs `server/main.ts` to its exit (it must not start listening) and returns the code and all output. */
function runServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LUMEN_LOG: 'json', LUMEN_WATCH_INDEX: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not fail fast; output:\n${output}`));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** A data dir holding a copy of the test build, damaged by `damage`. */
function damagedDataDir(name: string, damage: (build: string) => void): string {
  const source = realpathSync(currentLink(TEST_DATA_DIR));
  const dataDir = join(root, name);
  const build = join(dataDir, 'builds', basename(source));
  mkdirSync(join(dataDir, 'builds'), { recursive: true });
  cpSync(source, build, { recursive: true });
  symlinkSync(join('builds', basename(source)), currentLink(dataDir));
  damage(build);
  return dataDir;
}

describe('startup fails fast with a message saying what to fix', () => {
  it('on bad configuration, naming the variable', async () => {
    const port = await runServer({ PORT: 'eighty' });
    expect(port.code).toBe(1);
    expect(port.output).toContain('Bad configuration');
    expect(port.output).toContain('PORT');
    expect(port.output).not.toMatch(/\n\s+at /);

    const llm = await runServer({ LUMEN_LLM_BASE_URL: 'http://127.0.0.1:9/v1' });
    expect(llm.code).toBe(1);
    expect(llm.output).toContain('LUMEN_LLM_MODEL: is required');
  });

  it('on a corrupt index, saying to run the ingest', async () => {
    const dataDir = damagedDataDir('corrupt', (build) => {
      const chunks = readFileSync(join(build, 'chunks.json'), 'utf8');
      writeFileSync(join(build, 'chunks.json'), chunks.slice(0, 1000));
    });
    const result = await runServer({ LUMEN_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/index at .* is corrupt/);
    expect(result.output).toContain('Run "npm run ingest"');
    expect(result.output).not.toContain('listening');
  });

  it('on a partial index, naming the missing file', async () => {
    const dataDir = damagedDataDir('partial', (build) => rmSync(join(build, 'vectors.hnsw')));
    const result = await runServer({ LUMEN_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.output).toContain('vector index');
    expect(result.output).toContain('npm run ingest');
  });

  it('on a missing corpus folder, naming the path', async () => {
    const result = await runServer({ LUMEN_DATA_DIR: join(root, 'empty'), LUMEN_CORPUS_DIR: join(root, 'no-corpus') });
    expect(result.code).toBe(1);
    expect(result.output).toContain(join(root, 'no-corpus'));
    expect(result.output).toContain('must exist');
  });

  it('on a missing index, when the runtime is created without the build step', async () => {
    const config = parseServerConfig({ LUMEN_DATA_DIR: join(root, 'nothing-here'), LUMEN_LOG: 'silent' });
    await expect(createRuntime({ config })).rejects.toThrow(IndexError);
    await expect(createRuntime({ config })).rejects.toThrow('Run "npm run ingest"');
  });
});
