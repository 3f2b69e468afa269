import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithBaseline, loadBaseline, saveBaseline } from './baseline.js';
import { gateVerdict } from './gate.js';
import { EvalInputError } from './input-error.js';
import { checkThresholds, thresholdsSchema } from './thresholds.js';
import { durationAnswer, durationCase, graded, kansasCase, reportOf } from './test-fixtures.js';

const notFound = { status: 'not_found', answer: 'Not in the documents.', citations: [], hotlines: [{ id: 'ndvh' }, { id: 'womenslaw-email' }], notices: [] };

function runs() {
  const before = reportOf({
    hybrid: [graded(durationCase(), durationAnswer()), graded(kansasCase(), { ...notFound, hotlines: [] }), graded(durationCase({ id: 'gone-case' }), durationAnswer())],
    lexical: [graded(durationCase(), durationAnswer(), { mode: 'lexical' })],
  });
  const after = reportOf(
    {
      hybrid: [graded(durationCase(), notFound), graded(kansasCase(), notFound), graded(durationCase({ id: 'new-case' }), durationAnswer())],
      lexical: [graded(durationCase(), durationAnswer(), { mode: 'lexical' })],
    },
    '2026-02-01T00:00:00.000Z',
  );
  return { before, after };
}

describe('baseline comparison', () => {
  it('names pass-to-fail cases as regressions, fail-to-pass as fixed, and lists added and removed cases', () => {
    const { before, after } = runs();
    const directory = mkdtempSync(join(tmpdir(), 'lumen-baseline-'));
    const file = join(directory, 'baseline.json');
    saveBaseline(file, before);
    const comparison = compareWithBaseline({ report: after, baseline: loadBaseline(file), baselineFile: 'baseline.json' });
    expect(comparison.regressions.map((change) => `${change.mode}:${change.id}`)).toEqual(['hybrid:mo-duration-test']);
    expect(comparison.regressions[0].failures[0]).toBe('status not_found, expected answered');
    expect(comparison.fixed.map((change) => `${change.mode}:${change.id}`)).toEqual(['hybrid:nf-kansas-test']);
    expect(comparison.added).toEqual(['new-case']);
    expect(comparison.removed).toEqual(['gone-case']);
    expect(comparison.deltas.hybrid?.passRate).toBeCloseTo(2 / 3 - 2 / 3);
    expect(comparison.deltas.hybrid?.citationRecall).toBeCloseTo(0.5 - 1);
    expect(comparison.deltas.lexical?.passRate).toBe(0);
  });

  it('does not call the cases a subset run skipped "removed" when they are still in the case file', () => {
    const { before, after } = runs();
    const comparison = compareWithBaseline({ report: after, baseline: loadBaselineFrom(before), baselineFile: 'b', knownCaseIds: ['mo-duration-test', 'nf-kansas-test', 'gone-case'] });
    expect(comparison.removed).toEqual([]);
  });

  it('accepts a full latest.json report as the baseline', () => {
    const { before, after } = runs();
    const file = join(mkdtempSync(join(tmpdir(), 'lumen-baseline-')), 'latest.json');
    writeFileSync(file, JSON.stringify(before));
    expect(compareWithBaseline({ report: after, baseline: loadBaseline(file), baselineFile: file }).regressions).toHaveLength(1);
  });

  it('keeps the saved baseline small: pass/fail and failures per case, no answers', () => {
    const { before } = runs();
    const file = join(mkdtempSync(join(tmpdir(), 'lumen-baseline-')), 'baseline.json');
    saveBaseline(file, before);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.kind).toBe('lumen-eval-baseline');
    expect(Object.keys(saved.modes.hybrid.cases[0])).toEqual(['id', 'passed', 'failures']);
  });

  it('rejects a file that is not a baseline, saying how to make one', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lumen-baseline-')), 'nope.json');
    writeFileSync(file, '{"hello": 1}');
    expect(() => loadBaseline(file)).toThrow(EvalInputError);
    expect(() => loadBaseline(join(tmpdir(), 'does-not-exist-lumen.json'))).toThrow(/--save-baseline/);
  });
});

describe('the gate', () => {
  const thresholds = thresholdsSchema.parse({ mode: 'hybrid', min: { passRate: 0.6, noticePresence: 0.9 }, max: { latencyP95Ms: 1000 } });

  it('fails on any regression even when thresholds hold', () => {
    const { before, after } = runs();
    const verdict = gateVerdict({ report: after, thresholds: thresholdsSchema.parse({}), baseline: { baseline: loadBaselineFrom(before), file: 'baseline.json' } });
    expect(verdict.ok).toBe(false);
    expect(verdict.reasons).toEqual(['regression (hybrid): mo-duration-test: status not_found, expected answered; no expected section cited; key facts missing: "180 days", "one year"']);
  });

  it('checks thresholds in their mode only and skips metrics no case measured', () => {
    const { after } = runs();
    const verdict = gateVerdict({ report: after, thresholds });
    expect(verdict.thresholdMode).toBe('hybrid');
    expect(verdict.thresholdFailures).toEqual([]);
    expect(verdict.ok).toBe(true);
    const strict = checkThresholds(after.modes.hybrid!.summary, thresholdsSchema.parse({ min: { passRate: 0.9 }, max: { latencyP95Ms: 10 } }));
    expect(strict.map((failure) => `${failure.metric}:${failure.bound}`)).toEqual(['passRate:min', 'latencyP95Ms:max']);
    const lexicalOnly = reportOf({ lexical: after.modes.lexical!.cases });
    expect(gateVerdict({ report: lexicalOnly, thresholds: thresholdsSchema.parse({ min: { passRate: 1.1 } }) }).thresholdMode).toBeNull();
  });
});

function loadBaselineFrom(report: ReturnType<typeof reportOf>) {
  const file = join(mkdtempSync(join(tmpdir(), 'lumen-baseline-')), 'baseline.json');
  saveBaseline(file, report);
  return loadBaseline(file);
}
