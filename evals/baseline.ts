import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { retrievalModeSchema } from '../server/contract.js';
import { EvalInputError } from './input-error.js';
import { ALL_MODES, SUMMARY_METRICS, type CaseChange, type Comparison, type EvalReport, type Mode, type ModeSummary } from './report-types.js';

const baselineModeSchema = z.object({
  summary: z.record(z.string(), z.unknown()),
  cases: z.array(z.object({ id: z.string(), passed: z.boolean(), failures: z.array(z.string()).default([]) })),
});

// A baseline file, or a whole latest.json report: both carry modes.<mode>.{summary, cases[].id/passed}.
const baselineSchema = z.object({
  createdAt: z.string(),
  indexBuildId: z.string().nullable().optional(),
  casesFile: z.string().optional(),
  modes: z.partialRecord(retrievalModeSchema, baselineModeSchema),
});
export type Baseline = z.infer<typeof baselineSchema>;

/** The slim, diff-friendly part of a report worth keeping as a baseline: summaries and pass/fail per case. */
export function toBaseline(report: EvalReport): Baseline & { kind: 'lumen-eval-baseline'; schemaVersion: 1 } {
  const modes: Baseline['modes'] = {};
  for (const mode of ALL_MODES) {
    const run = report.modes[mode];
    if (!run) continue;
    modes[mode] = {
      summary: { ...run.summary },
      cases: run.cases.map((result) => ({ id: result.id, passed: result.passed, failures: result.failures })),
    };
  }
  return { kind: 'lumen-eval-baseline', schemaVersion: 1, createdAt: report.createdAt, indexBuildId: report.indexBuildId, casesFile: report.casesFile, modes };
}

/** Writes a baseline file (creating its folder). */
export function saveBaseline(path: string, report: EvalReport): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(toBaseline(report), null, 2)}\n`);
}

/** Reads a baseline file or an earlier latest.json report. */
export function loadBaseline(path: string): Baseline {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new EvalInputError(`${path}: cannot read the baseline (${(error as Error).message}); write one with --save-baseline ${path}`);
  }
  const parsed = baselineSchema.safeParse(json);
  if (!parsed.success) throw new EvalInputError(`${path}: not an eval baseline or report (${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')})`);
  return parsed.data;
}

/**
 * Compares a run with a baseline, mode by mode: a case that passed there and fails here is a
 * regression; the reverse is a fix. Cases only one side has are listed, never counted as either.
 */
export function compareWithBaseline(options: { report: EvalReport; baseline: Baseline; baselineFile: string; knownCaseIds?: string[] }): Comparison {
  const { report, baseline } = options;
  const regressions: CaseChange[] = [];
  const fixed: CaseChange[] = [];
  const added = new Set<string>();
  const removed = new Set<string>();
  const deltas: Comparison['deltas'] = {};
  for (const mode of ALL_MODES) {
    const run = report.modes[mode];
    const before = baseline.modes[mode];
    if (!run || !before) continue;
    const beforeById = new Map(before.cases.map((entry) => [entry.id, entry]));
    // A run over a subset (--only) has not lost the cases it skipped; only ids gone from the case file are.
    for (const result of run.cases) {
      const previous = beforeById.get(result.id);
      if (!previous) added.add(result.id);
      else if (previous.passed && !result.passed) regressions.push({ mode, id: result.id, failures: result.failures });
      else if (!previous.passed && result.passed) fixed.push({ mode, id: result.id, failures: previous.failures });
    }
    const known = new Set(options.knownCaseIds ?? run.cases.map((result) => result.id));
    for (const entry of before.cases) if (!known.has(entry.id)) removed.add(entry.id);
    deltas[mode] = metricDeltas(run.summary, before.summary);
  }
  return { baselineFile: options.baselineFile, baselineCreatedAt: baseline.createdAt, regressions, fixed, added: [...added], removed: [...removed], deltas };
}

function metricDeltas(now: ModeSummary, before: Record<string, unknown>): Partial<Record<(typeof SUMMARY_METRICS)[number]['key'], number | null>> {
  const deltas: Partial<Record<(typeof SUMMARY_METRICS)[number]['key'], number | null>> = {};
  for (const { key } of SUMMARY_METRICS) {
    const current = now[key];
    const previous = before[key];
    deltas[key] = typeof current === 'number' && typeof previous === 'number' ? current - previous : null;
  }
  return deltas;
}

/** Modes present in a baseline, for messages. */
export function baselineModes(baseline: Baseline): Mode[] {
  return ALL_MODES.filter((mode) => baseline.modes[mode]);
}
