import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../ingest/config.js';
import { createApp } from '../server/app.js';
import { parseServerConfig } from '../server/config.js';
import { createLogger } from '../server/logger.js';
import { createRuntime, loadSnapshot } from '../server/runtime.js';
import { benchIngest } from './bench/ingest-bench.js';
import { createHttpSend } from './bench/http-client.js';
import { benchLatency } from './bench/latency-bench.js';
import { runLoad, type LoadRun, type LoadTarget } from './bench/load-bench.js';
import { BENCH_CONVERSATIONS, BENCH_LOOKUPS } from './bench/questions.js';
import { renderReport, judgeTargets } from './bench/report.js';
import { startServer, type ServerProcess } from './bench/server-process.js';

/**
 * `npm run bench [-- --seconds 10 --rounds 3 --passes 3]`: ingest, latency (in-process and over HTTP)
 * and loopback load on a temp copy of the corpus; prints a table and writes evals/reports/bench.json.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, rounds: { type: 'string', default: '3' }, passes: { type: 'string', default: '3' } } });
  const seconds = Number(values.seconds);
  const rounds = Number(values.rounds);
  const passes = Number(values.passes);
  // Everything stops by itself: a hard ceiling well above the expected run time.
  const ceilingMs = 20 * 60_000 + rounds * 5 * seconds * 1000;
  setTimeout(() => {
    console.error(`The benchmark ran past ${Math.round(ceilingMs / 60_000)} minutes; stopping.`);
    process.exit(2);
  }, ceilingMs).unref();

  // Other work on the machine skews every number here; the load average at start and end says how much.
  const loadAtStart = loadavg()[0];
  const workDir = mkdtempSync(join(tmpdir(), 'lumen-bench-'));
  let server: ServerProcess | undefined;
  process.once('exit', () => rmSync(workDir, { recursive: true, force: true }));
  try {
    const baseConfig = parseServerConfig(process.env);
    console.log(`Ingest: full build and one-sentence rebuild in ${workDir} ...`);
    const ingest = await benchIngest({ config: baseConfig.ingest, workDir });
    const env = { LUMEN_CORPUS_DIR: ingest.config.corpusDir, LUMEN_DATA_DIR: ingest.config.dataDir, LUMEN_RATE_LIMIT_PER_MINUTE: '0', LUMEN_LOOKUP_RATE_LIMIT_PER_MINUTE: '0', LUMEN_WATCH_INDEX: 'false' };
    const config = parseServerConfig({ ...process.env, ...env, LUMEN_LOG: 'silent' });

    console.log(`In-process latency: ${BENCH_CONVERSATIONS.length} conversations x ${passes} passes ...`);
    const runtime = await createRuntime({ config });
    const app = createApp(runtime, { logger: createLogger({ mode: 'silent' }) });
    const inProcess = await benchLatency({
      send: async (path, init) => app.request(path, init),
      conversations: BENCH_CONVERSATIONS,
      lookups: BENCH_LOOKUPS,
      passes,
      resetCache: async () => {
        runtime.snapshot = loadSnapshot({ config, embedder: runtime.embedder });
      },
      embed: (text) => runtime.embedder.embedQuery(text),
    });

    console.log('HTTP latency against a real server on 127.0.0.1 ...');
    // JSON request logs on, as in production; they go to a file so the benchmark does not pay for them.
    server = await startServer({ env: { ...env, LUMEN_LOG: 'json' }, logFile: join(workDir, 'server.log') });
    const idleRssMb = server.rssMb();
    const client = createHttpSend(server.url);
    const overHttp = await benchLatency({
      send: client.send,
      conversations: BENCH_CONVERSATIONS,
      lookups: BENCH_LOOKUPS,
      passes,
      resetCache: () => server!.reload(),
    });
    client.close();
    const afterLatencyRssMb = server.rssMb();

    const load: LoadRun[] = [];
    const rssAfterRound: number[] = [];
    const plan: Array<[LoadTarget, number]> = [
      ['chat', 10],
      ['chat', 50],
      ['search-instant', 10],
      ['search-instant', 50],
    ];
    for (let round = 1; round <= rounds; round++) {
      for (const [target, connections] of round === 1 ? [...plan, ['chat-uncached', 10] as [LoadTarget, number]] : plan) {
        console.log(`Load round ${round}/${rounds}: ${target}, ${connections} connections, ${seconds} s ...`);
        load.push({ ...(await runLoad({ url: server.url, target, connections, seconds, conversations: BENCH_CONVERSATIONS, lookups: BENCH_LOOKUPS })), round } as LoadRun);
      }
      // A moment's rest first, so sockets and buffers of the last run are released before we look.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      rssAfterRound.push(server.rssMb());
    }
    const exitCode = await server.stop();
    server = undefined;

    const report = {
      machine: { cpus: cpus().length, node: process.version, embedder: ingest.config.embedder.provider, loadAverage: { start: loadAtStart, end: loadavg()[0] } },
      settings: { seconds, rounds, passes, conversations: BENCH_CONVERSATIONS.length },
      ingest: ingest.result,
      latency: { inProcess, overHttp },
      load,
      memory: { idleRssMb, afterLatencyRssMb, rssAfterRound },
      serverExitCode: exitCode,
    };
    const targets = judgeTargets(report);
    const reportsDir = join(PROJECT_ROOT, 'evals', 'reports');
    mkdirSync(reportsDir, { recursive: true });
    writeFileSync(join(reportsDir, 'bench.json'), `${JSON.stringify({ ...report, targets, finishedAt: new Date().toISOString() }, null, 2)}\n`);
    console.log(`\n${renderReport(report, targets)}\n\nWritten to evals/reports/bench.json`);
    // A measurement, not a test: missed targets are reported above and in the JSON, not as a failed exit.
    return 0;
  } finally {
    await server?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('The benchmark failed:', error);
    process.exit(1);
  },
);
