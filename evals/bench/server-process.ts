import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { PROJECT_ROOT } from '../../ingest/config.js';

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident memory of the server process in MB (Linux /proc). */
  rssMb(): number;
  /** SIGHUP: the server loads the index again, which also empties its query-embedding cache. */
  reload(): Promise<void>;
  /** SIGTERM, then the exit code (SIGKILL if it does not exit in time). */
  stop(): Promise<number | null>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The address a server announced in `log`: only what it wrote since it was started (from the byte where the
 * log then ended). The log is appended to, and an earlier run's line would send the benchmark to a dead port.
 */
export function listeningUrl(log: Buffer, fromByte = 0): string | undefined {
  return log.subarray(fromByte).toString('utf8').match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//)?.[1];
}

/** Starts `server/main.ts` on 127.0.0.1 with a free port, its output going to a file, and waits until it listens. */
export async function startServer(options: { env: Record<string, string>; logFile: string; deadlineMs?: number }): Promise<ServerProcess> {
  const log = openSync(options.logFile, 'a');
  const offset = statSync(options.logFile).size;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...options.env, HOST: '127.0.0.1', PORT: '0' },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const started = Date.now();
  let url: string | undefined;
  while (!url) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${readFileSync(options.logFile, 'utf8').slice(-2000)}`);
    if (Date.now() - started > (options.deadlineMs ?? 120_000)) {
      child.kill('SIGKILL');
      throw new Error('the server did not start in time');
    }
    url = listeningUrl(readFileSync(options.logFile), offset);
    await sleep(100);
  }
  const baseUrl = url;
  const loadedAt = async () => ((await (await fetch(`${baseUrl}/healthz`)).json()) as { index: { loadedAt: string } }).index.loadedAt;
  return {
    url: baseUrl,
    pid: child.pid!,
    rssMb() {
      const kb = Number(readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? Number.NaN);
      return Math.round(kb / 1024);
    },
    async reload() {
      const before = await loadedAt();
      child.kill('SIGHUP');
      const since = Date.now();
      while ((await loadedAt()) === before) {
        if (Date.now() - since > 30_000) throw new Error('the server did not reload on SIGHUP');
        await sleep(20);
      }
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
