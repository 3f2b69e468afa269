import { describe, expect, it } from 'vitest';
import { percentile, summarise, worstFirst } from './aggregate.js';
import type { EvalCase } from './case-schema.js';
import { errorResult } from './case-metrics.js';
import { DURATION_SECTION, durationAnswer, durationCase, graded, kansasCase } from './test-fixtures.js';

const notFoundReply = {
  status: 'not_found',
  answer: 'I could not find an answer to that in the documents I answer from.',
  citations: [],
  hotlines: [{ id: 'ndvh' }, { id: 'womenslaw-email' }],
  notices: [],
};

describe('grading an answerable case', () => {
  it('passes a cited extractive answer that carries the key facts', () => {
    const result = graded(durationCase(), durationAnswer());
    expect(result.failures).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.metrics).toMatchObject({ recallAtK: 1, reciprocalRank: 1, citationRecall: 1, citationPrecision: 1, sentenceSupport: 1, factCoverage: 1, statusCorrect: 1 });
  });

  it('reads retrieval rank for recall@5 and MRR', () => {
    const ranked = ['a', 'b', DURATION_SECTION, 'c'];
    expect(graded(durationCase(), durationAnswer(), { retrieved: ranked }).metrics).toMatchObject({ recallAtK: 1, reciprocalRank: 1 / 3 });
    const deep = graded(durationCase(), durationAnswer(), { retrieved: ['a', 'b', 'c', 'd', 'e', DURATION_SECTION] });
    expect(deep.metrics).toMatchObject({ recallAtK: 0, reciprocalRank: 1 / 6 });
    expect(deep.failures).toContain('no expected section in the top 5 retrieved');
  });

  it('fails on a missing key fact below half coverage, and passes at exactly half', () => {
    const half = graded(durationCase(), durationAnswer({ answer: 'It usually lasts between 180 days and a while. [1]' }));
    expect(half.metrics.factCoverage).toBe(0.5);
    expect(half.failures.some((failure) => failure.startsWith('key facts'))).toBe(false);
    const none = graded(durationCase(), durationAnswer({ answer: 'A full order is issued only after a hearing in court. [1]' }));
    expect(none.metrics.factCoverage).toBe(0);
    expect(none.failures).toContain('key facts missing: "180 days", "one year"');
  });

  it('finds statute facts in citation locators as well as in the answer text', () => {
    const evalCase = durationCase({ expect: { ...durationCase().expect, facts: ['455.040'] } });
    expect(graded(evalCase, durationAnswer()).metrics.factCoverage).toBe(1);
  });

  it('fails an answer that cites the wrong section, and an unsupported sentence', () => {
    const wrongSection = durationAnswer();
    wrongSection.citations = [{ ...wrongSection.citations[0], sectionId: 'mo:somewhere-else' }];
    const wrong = graded(durationCase(), wrongSection);
    expect(wrong.metrics.citationRecall).toBe(0);
    expect(wrong.failures).toContain('no expected section cited');

    const invented = graded(durationCase(), durationAnswer({ answer: 'Every order in Missouri lasts 180 days and one year exactly, then the police delete it forever. [1]' }));
    expect(invented.metrics.sentenceSupport).toBe(0);
    expect(invented.passed).toBe(false);
    expect(invented.metrics.citationPrecision).toBe(1);
  });

  it('fails a not_found reply to an answerable question on status', () => {
    const result = graded(durationCase(), notFoundReply);
    expect(result.metrics.statusCorrect).toBe(0);
    expect(result.metrics.sentenceSupport).toBeNull();
    expect(result.failures[0]).toBe('status not_found, expected answered');
  });
});

describe('grading fallbacks, emergencies and conflicts', () => {
  it('passes a not_found reply with the expected hotlines and no citations', () => {
    const result = graded(kansasCase(), notFoundReply);
    expect(result.passed).toBe(true);
    expect(result.metrics).toMatchObject({ hotlinePresence: 1, recallAtK: null, factCoverage: null });
  });

  it('fails a not_found reply that lacks a hotline or carries citations', () => {
    const missing = graded(kansasCase(), { ...notFoundReply, hotlines: [{ id: 'ndvh' }] });
    expect(missing.failures).toEqual(['hotlines missing: womenslaw-email']);
    const cited = graded(kansasCase(), { ...notFoundReply, citations: durationAnswer().citations });
    expect(cited.failures).toEqual(['1 citations on a not_found answer']);
  });

  it('lets an emergency reply carry citations but not miss 911', () => {
    const emergency: EvalCase = { ...kansasCase(), id: 'em-test', kind: 'emergency', expect: { status: 'emergency', sections: [], facts: [], hotlines: ['emergency'], notice: null } };
    expect(graded(emergency, { status: 'emergency', answer: 'Call 911.', citations: durationAnswer().citations, hotlines: [{ id: 'emergency' }], notices: [] }).passed).toBe(true);
    expect(graded(emergency, { status: 'emergency', answer: 'Call someone.', citations: [], hotlines: [{ id: 'ndvh' }], notices: [] }).failures).toEqual(['hotlines missing: emergency']);
  });

  it('fails a conflict case whose answer has no source_conflict notice', () => {
    const conflict = durationCase({ id: 'conflict-test', kind: 'conflict', expect: { ...durationCase().expect, notice: 'source_conflict' } });
    expect(graded(conflict, durationAnswer()).failures).toEqual(['no source_conflict notice']);
    expect(graded(conflict, durationAnswer({ notices: [{ kind: 'dated_source' }, { kind: 'source_conflict' }] })).passed).toBe(true);
  });

  it('records a request that threw as a failed case', () => {
    const result = errorResult({ evalCase: durationCase(), mode: 'hybrid', error: new Error('POST /api/chat answered 500'), latencyMs: 12 });
    expect(result.passed).toBe(false);
    expect(result.failures[0]).toBe('request failed: POST /api/chat answered 500');
  });
});

describe('summaries', () => {
  it('computes nearest-rank percentiles', () => {
    const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });

  it('averages each metric over the cases it applies to and orders failures first', () => {
    const pass = graded(durationCase(), durationAnswer(), { latencyMs: 30 });
    const fail = graded(durationCase({ id: 'mo-duration-miss' }), notFoundReply, { latencyMs: 90 });
    const fallback = graded(kansasCase(), notFoundReply, { latencyMs: 10 });
    const summary = summarise('hybrid', [pass, fail, fallback]);
    expect(summary).toMatchObject({ cases: 3, passed: 2, failed: 1, recallAtK: 1, citationRecall: 0.5, factCoverage: 0.5, hotlinePresence: 1, noticePresence: null, latencyP50Ms: 30, latencyP95Ms: 90 });
    expect(summary.statusAccuracy).toBeCloseTo(2 / 3);
    expect(summary.byKind).toEqual({ answerable: { passed: 1, total: 2 }, not_found: { passed: 1, total: 1 } });
    expect(worstFirst([pass, fallback, fail]).map((result) => result.id)).toEqual(['mo-duration-miss', 'mo-duration-test', 'nf-kansas-test']);
  });
});
