import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../ingest/config.js';
import { currentLink } from '../ingest/index-store.js';
import { ensureTestIndex, TEST_DATA_DIR } from './testing/test-runtime.js';
import { waitForOutput as waitFor } from './testing/wait-for-output.js';

let root: string;
let dataDir: string;
let child: ChildProcess;
let baseUrl: string;
let port: number;
let output = '';
let exited: Promise<number | null>;

/** Waits until the server's output holds the pattern, or fails after the deadline. */
const waitForOutput = (pattern: RegExp, deadlineMs = 60_000) => waitFor(() => output, pattern, deadlineMs);

beforeAll(async () => {
  await ensureTestIndex();
  // A private copy of the test build, so swapping `current` here cannot disturb other tests.
  root = mkdtempSync(join(tmpdir(), 'lumen-shutdown-'));
  dataDir = join(root, 'data');
  const build = realpathSync(currentLink(TEST_DATA_DIR));
  mkdirSync(join(dataDir, 'builds'), { recursive: true });
  cpSync(build, join(dataDir, 'builds', basename(build)), { recursive: true });
  symlinkSync(join('builds', basename(build)), currentLink(dataDir));
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LUMEN_DATA_DIR: dataDir, LUMEN_LOG: 'json', LUMEN_WATCH_INDEX: 'false', LUMEN_RATE_LIMIT_PER_MINUTE: '0', LUMEN_LOOKUP_RATE_LIMIT_PER_MINUTE: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const [, url, portText] = await waitForOutput(/listening on (http:\/\/127\.0\.0\.1:(\d+))\//);
  baseUrl = url;
  port = Number(portText);
});

afterAll(() => {
  // Only if a test failed before the server exited by itself.
  if (child && child.exitCode === null) child.kill('SIGKILL');
  if (root) rmSync(root, { recursive: true, force: true });
});

const buildId = async () => ((await (await fetch(`${baseUrl}/healthz`)).json()) as { index: { buildId: string } }).index.buildId;

describe('the real server process', () => {
  it('loads a new index on SIGHUP', async () => {
    const live = realpathSync(currentLink(dataDir));
    expect(await buildId()).toBe(JSON.parse(readFileSync(join(live, 'manifest.json'), 'utf8')).buildId);
    const next = join(dataDir, 'builds', 'sighup-build');
    cpSync(live, next, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(next, 'manifest.json'), 'utf8'));
    writeFileSync(join(next, 'manifest.json'), JSON.stringify({ ...manifest, buildId: 'sighup-build' }));
    symlinkSync(join('builds', 'sighup-build'), `${currentLink(dataDir)}.tmp`);
    renameSync(`${currentLink(dataDir)}.tmp`, currentLink(dataDir));
    child.kill('SIGHUP');
    await waitForOutput(/"event":"index_reloaded","reason":"SIGHUP","buildId":"sighup-build"/);
    expect(await buildId()).toBe('sighup-build');
  });

  it('on SIGTERM stops accepting, finishes the request in flight, and exits 0', async () => {
    const body = JSON.stringify({ messages: [{ role: 'user', content: 'How long does a full order of protection last in Missouri?' }] });
    const socket = connect(port, '127.0.0.1');
    let response = '';
    socket.on('data', (chunk) => (response += chunk));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await new Promise((resolve) => socket.once('connect', resolve));
    // Half a body: the request is in flight (headers read, handler waiting) when the signal lands.
    const half = Math.floor(body.length / 2);
    socket.write(`POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, half)}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGTERM');
    await waitForOutput(/"event":"shutdown_started","signal":"SIGTERM"/);

    // New connections are refused once the server has stopped listening.
    const refused = await new Promise<string>((resolve) => {
      const probe = connect(port, '127.0.0.1');
      probe.once('connect', () => (probe.destroy(), resolve('connected')));
      probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');

    socket.write(body.slice(half));
    // The server closes the kept-alive connection itself once the answer is sent.
    await closed;
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    expect(response).toContain('"status":"answered"');
    expect(await exited).toBe(0);
    expect(output).toMatch(/"event":"shutdown_finished","signal":"SIGTERM"/);
  });
});
