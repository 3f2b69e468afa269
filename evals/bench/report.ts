import type { IngestBenchResult } from './ingest-bench.js';
import type { LatencyResult } from './latency-bench.js';
import type { LoadRun } from './load-bench.js';
import { formatTable } from './stats.js';

export interface BenchReport {
  machine: { cpus: number; node: string; embedder: string; loadAverage: { start: number; end: number } };
  ingest: IngestBenchResult;
  latency: { inProcess: LatencyResult; overHttp: LatencyResult };
  load: Array<LoadRun & { round?: number }>;
  memory: { idleRssMb: number; afterLatencyRssMb: number; rssAfterRound: number[] };
  serverExitCode: number | null;
}

export interface Target {
  name: string;
  met: boolean;
  detail: string;
}

const ratio = (value: number, floor: number) => Math.round((value / floor) * 100) / 100;

/** Checks the targets: chat p50 within 1.5x of the embedding floor, a clean load, flat memory. */
export function judgeTargets(report: BenchReport): Target[] {
  const floor = report.latency.inProcess.floor!.p50;
  const inProcessRatio = ratio(report.latency.inProcess.chatCold.p50, floor);
  // Over HTTP the floor is the answering server's own time to embed a question alone, in the same run
  // (Server-Timing); the in-process floor was measured in another process minutes earlier, kept for comparison.
  const httpFloor = report.latency.overHttp.serverFloor?.p50;
  const httpRatio = ratio(report.latency.overHttp.chatCold.p50, httpFloor ?? floor);
  const httpAgainstInProcess = ratio(report.latency.overHttp.chatCold.p50, floor);
  const bad = report.load.reduce((sum, run) => sum + run.errors + run.non2xx + run.timeouts, 0);
  const latencyFailures = report.latency.inProcess.failures + report.latency.overHttp.failures;
  const rss = report.memory.rssAfterRound;
  // Flat: after the first round has warmed everything, later rounds add under 10% (or 15 MB, for noise).
  const growth = rss.length > 1 ? rss[rss.length - 1] - rss[0] : 0;
  return [
    { name: 'chat p50 <= 1.5x embedding floor (in-process)', met: inProcessRatio <= 1.5, detail: `${inProcessRatio}x` },
    {
      name: `chat p50 <= 1.5x embedding floor (HTTP, against ${httpFloor === undefined ? 'the in-process floor' : "the server's own floor"})`,
      met: httpRatio <= 1.5,
      detail: `${httpRatio}x (${httpAgainstInProcess}x against the in-process floor)`,
    },
    { name: 'zero errors, timeouts and non-2xx', met: bad === 0 && latencyFailures === 0, detail: `${bad} under load, ${latencyFailures} in latency runs` },
    { name: 'memory flat across load rounds', met: growth <= Math.max(15, rss[0] * 0.1), detail: `${rss.join(' -> ')} MB` },
    { name: 'server exits 0 on SIGTERM after the load', met: report.serverExitCode === 0, detail: String(report.serverExitCode) },
  ];
}

/** The printed summary: ingest, latency, load, memory and targets. */
export function renderReport(report: BenchReport, targets: Target[]): string {
  const { ingest, latency } = report;
  const floor = latency.inProcess.floor!;
  const ingestTable = formatTable(
    ['ingest', 'ms', 'embedded', 'reused'],
    [
      ['encoder load (once per process)', ingest.encoderLoadMs, '', ''],
      [`full build (${ingest.sections} sections, ${ingest.chunks} chunks, empty cache)`, ingest.full.ms, ingest.full.embedded, 0],
      [`incremental (1 sentence, ${ingest.incremental.changedSections} section changed)`, ingest.incremental.ms, ingest.incremental.embedded, ingest.incremental.reused],
    ],
  );
  const rows: Array<Array<string | number>> = [['embed one query (floor)', floor.count, floor.p50, floor.p95, floor.p99, '1.00']];
  for (const [where, result] of [['in-process', latency.inProcess], ['HTTP', latency.overHttp]] as const) {
    const own = result.serverFloor;
    if (own) rows.push([`${where}: the server's own floor (Server-Timing, one-text encoder calls)`, own.count, own.p50, own.p95, own.p99, ratio(own.p50, floor.p50).toFixed(2)]);
    rows.push([`${where} chat, cold cache`, result.chatCold.count, result.chatCold.p50, result.chatCold.p95, result.chatCold.p99, ratio(result.chatCold.p50, floor.p50).toFixed(2)]);
    rows.push([`${where} chat, warm cache`, result.chatWarm.count, result.chatWarm.p50, result.chatWarm.p95, result.chatWarm.p99, ratio(result.chatWarm.p50, floor.p50).toFixed(2)]);
    rows.push([`${where} search hybrid, cold`, result.searchHybridCold.count, result.searchHybridCold.p50, result.searchHybridCold.p95, result.searchHybridCold.p99, '']);
    rows.push([`${where} search instant`, result.searchInstant.count, result.searchInstant.p50, result.searchInstant.p95, result.searchInstant.p99, '']);
  }
  const latencyTable = formatTable(['latency (ms)', 'n', 'p50', 'p95', 'p99', 'p50/floor'], rows);
  const loadTable = formatTable(
    ['load (loopback)', 'round', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'timeouts', 'non-2xx'],
    report.load.map((run) => [run.target, run.round ?? '', run.connections, run.requestsPerSecond, run.p50, run.p99, run.errors, run.timeouts, run.non2xx]),
  );
  const memory = `server RSS: idle ${report.memory.idleRssMb} MB, after latency runs ${report.memory.afterLatencyRssMb} MB, after each load round ${report.memory.rssAfterRound.join(' -> ')} MB`;
  const targetTable = formatTable(['target', 'met', 'measured'], targets.map((target) => [target.name, target.met ? 'yes' : 'NO', target.detail]));
  return [
    `${report.machine.cpus} CPUs, Node ${report.machine.node}, embedder ${report.machine.embedder}, 1-min load average ${report.machine.loadAverage.start.toFixed(1)} at start, ${report.machine.loadAverage.end.toFixed(1)} at end`,
    ingestTable,
    latencyTable,
    loadTable,
    memory,
    targetTable,
  ].join('\n\n');
}
