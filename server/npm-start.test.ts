import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../ingest/config.js';
import { ensureTestIndex, TEST_DATA_DIR } from './testing/test-runtime.js';
import { waitForOutput as waitFor } from './testing/wait-for-output.js';

// `npm start` is what a container runs; a stop sends SIGTERM to npm itself, not to the server under it.
let child: ChildProcess;
let output = '';
let port: number;
let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

/** Waits until the server's output holds the pattern, or fails after the deadline. */
const waitForOutput = (pattern: RegExp, deadlineMs = 90_000) => waitFor(() => output, pattern, deadlineMs);

/** Resolves to "connected" or the connect error's code. */
function probe(): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve('connected')));
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

/** A chat request whose body is half sent: in flight when the signal lands. `finish` sends the rest. */
async function halfSentChat(content: string): Promise<{ finish(): void; response: Promise<string>; socket: Socket }> {
  const body = JSON.stringify({ messages: [{ role: 'user', content }] });
  const socket = connect(port, '127.0.0.1');
  let response = '';
  socket.on('data', (chunk) => (response += chunk));
  const closed = new Promise<string>((resolve) => {
    socket.once('close', () => resolve(response));
    socket.once('error', () => undefined);
  });
  await new Promise((resolve) => socket.once('connect', resolve));
  const half = Math.floor(body.length / 2);
  socket.write(`POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, half)}`);
  return { finish: () => socket.write(body.slice(half)), response: closed, socket };
}

beforeAll(async () => {
  await ensureTestIndex();
  child = spawn('npm', ['start'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LUMEN_DATA_DIR: TEST_DATA_DIR,
      LUMEN_LOG: 'json',
      LUMEN_WATCH_INDEX: 'false',
      LUMEN_RATE_LIMIT_PER_MINUTE: '0',
      LUMEN_LOOKUP_RATE_LIMIT_PER_MINUTE: '0',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  port = Number((await waitForOutput(/listening on http:\/\/127\.0\.0\.1:(\d+)\//))[1]);
});

afterAll(async () => {
  // Only when a test failed: the npm process, and a server it may have orphaned (found by its port in the output).
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (port && (await probe()) === 'connected') {
    const pid = output.match(/listening on .*pid (\d+)\)/)?.[1];
    if (pid) process.kill(Number(pid), 'SIGKILL');
  }
});

describe('npm start', () => {
  it('warns at startup when NODE_ENV=production and CORS allows any origin', () => {
    const line = output.split('\n').find((entry) => entry.includes('"event":"startup_warning"'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ warning: 'cors_any_origin' });
  });

  it('on SIGTERM to the npm process finishes every request in flight, exits, and leaves nothing listening', async () => {
    const inFlight = await Promise.all(
      ['How long does a full order of protection last in Missouri?', 'Can my commander issue a military protective order?', 'What is an ex parte order?'].map(halfSentChat),
    );
    // A request whose answer is being computed (not only being uploaded) when the signal lands.
    const whole = fetch(`http://127.0.0.1:${port}/api/search?q=order%20of%20protection&mode=hybrid`).then(async (response) => ({ status: response.status, body: await response.text() }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill('SIGTERM');
    await waitForOutput(/"event":"shutdown_started","signal":"SIGTERM"/, 10_000);
    expect(await probe()).toBe('ECONNREFUSED');
    for (const request of inFlight) request.finish();
    const responses = await Promise.all(inFlight.map((request) => request.response));
    for (const response of responses) {
      expect(response).toMatch(/^HTTP\/1\.1 200/);
      expect(response).toMatch(/"status":"(answered|not_found|out_of_scope|emergency)"/);
    }
    expect((await whole).status).toBe(200);
    const { code, signal } = await exited;
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(output).toMatch(/"event":"shutdown_finished","signal":"SIGTERM"/);
    expect(await probe()).toBe('ECONNREFUSED');
  });
});
