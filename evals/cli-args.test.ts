import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../ingest/config.js';
import { parseCliArgs, UsageError } from './cli-args.js';

describe('eval command line', () => {
  it('runs all three modes against the default files by default', () => {
    const options = parseCliArgs([]);
    expect(options.modes).toEqual(['hybrid', 'lexical', 'vector']);
    expect(options.casesFiles).toEqual([join(PROJECT_ROOT, 'evals', 'cases-dev.jsonl'), join(PROJECT_ROOT, 'evals', 'cases-test.jsonl')]);
    expect(options.params).toEqual([]);
    expect(options.thresholdsFile).toBe(join(PROJECT_ROOT, 'evals', 'thresholds.json'));
    expect(options.reportsDir).toBe(join(PROJECT_ROOT, 'evals', 'reports'));
    expect(options.baselineFile).toBeUndefined();
  });

  it('reads one mode, a baseline, a URL and case filters', () => {
    const options = parseCliArgs(['--mode', 'lexical', '--baseline', 'evals/baseline.json', '--url', 'http://127.0.0.1:8787', '--only', 'mo-', '--only', 'conflict']);
    expect(options.modes).toEqual(['lexical']);
    expect(options.baselineFile).toBe(join(process.cwd(), 'evals', 'baseline.json'));
    expect(options.url).toBe('http://127.0.0.1:8787');
    expect(options.only).toEqual(['mo-', 'conflict']);
  });

  it('says what to fix for a bad mode, URL or flag', () => {
    expect(() => parseCliArgs(['--mode', 'fuzzy'])).toThrow(UsageError);
    expect(() => parseCliArgs(['--mode', 'fuzzy'])).toThrow(/hybrid, lexical, vector or all/);
    expect(() => parseCliArgs(['--url', '127.0.0.1:8787'])).toThrow(/must start with http/);
    expect(() => parseCliArgs(['--frobnicate'])).toThrow(/Usage: npm run eval/);
  });
});
