/**
 * Per-level precision and recall of the safety classifier on both splits: the whole decision the server makes
 * before its off-topic guard (the neighbours' margins and the unambiguous patterns, including the rule that a
 * message asking nothing is an alarm where the present-danger patterns match). Dev figures are out-of-fold (5-fold
 * cross-validation, each example judged by a classifier that never saw it); test figures use all of dev as the
 * reference and the test split only to measure. Run alone: npx tsx evals/safety-report.ts
 */
import type { Embeddings } from '@langchain/core/embeddings';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UseEmbeddings } from '../ingest/embedders/use-embeddings.js';
import { DEFAULT_PARAMS } from '../server/pipeline/params.js';
import { decideSafety, type SafetyParams } from '../server/safety/classifier.js';
import { loadSafetyExamples, SAFETY_LEVELS, type SafetyExample, type SafetyLevel } from '../ingest/safety-examples.js';
import { embedExamples, rankAgainst, rankOutOfFold, referenceOf, type RankedExample } from './safety-data.js';
import { measure, type SafetyMetrics } from './safety-metrics.js';

const FOLDS = 5;

/** One wrong call, for reading what the classifier misses. */
export interface SafetyMiss {
  text: string;
  expected: SafetyLevel;
  predicted: SafetyLevel;
}

/** The report: metrics per split, and the misses of each. */
export interface SafetyReport {
  params: SafetyParams;
  splits: Record<'dev' | 'test', SafetyMetrics & { misses: SafetyMiss[] }>;
}

/** Classifies ranked examples and measures them. */
function judge(ranked: RankedExample[], params: SafetyParams): SafetyMetrics & { misses: SafetyMiss[] } {
  const pairs = ranked.map(({ item, rankings, reference }) => ({
    text: item.example.text,
    expected: item.example.level,
    predicted: decideSafety({ reading: item.reading, rankings, reference, params }).level,
  }));
  return { ...measure(pairs), misses: pairs.filter((pair) => pair.expected !== pair.predicted) };
}

/** Runs the classifier over the dev (out-of-fold) and test examples with the given params. */
export async function runSafetyReport(options: { embedder?: Embeddings; corpusDir?: string; params?: SafetyParams; examples?: SafetyExample[] } = {}): Promise<SafetyReport> {
  const params = options.params ?? DEFAULT_PARAMS.safety;
  const examples = options.examples ?? loadSafetyExamples(options.corpusDir ?? join(fileURLToPath(new URL('..', import.meta.url)), 'corpus'));
  const embedded = await embedExamples(examples, options.embedder ?? new UseEmbeddings(), params);
  const dev = embedded.filter((item) => item.example.split === 'dev');
  const test = embedded.filter((item) => item.example.split === 'test');
  return {
    params,
    splits: {
      dev: judge(rankOutOfFold(dev, FOLDS, Number.POSITIVE_INFINITY), params),
      test: judge(rankAgainst(test, referenceOf(dev), Number.POSITIVE_INFINITY), params),
    },
  };
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
const SHORT: Record<SafetyLevel, string> = { danger_now: 'danger', self_harm: 'self', fear: 'fear', disclosure: 'discl', none: 'none' };

/** Prints the report as plain-text tables: per-level precision/recall/support, then the confusion matrix. */
export function formatSafetyReport(report: SafetyReport): string {
  const lines: string[] = [];
  for (const split of ['dev', 'test'] as const) {
    const metrics = report.splits[split];
    lines.push(`Safety classifier, ${split} split${split === 'dev' ? ` (${FOLDS}-fold out-of-fold)` : ' (reference: all of dev)'}`);
    lines.push(`  ${'level'.padEnd(11)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'support'.padStart(7)}`);
    for (const level of SAFETY_LEVELS) {
      const figures = metrics.levels[level];
      lines.push(`  ${level.padEnd(11)} ${percent(figures.precision).padStart(9)} ${percent(figures.recall)} ${String(figures.support).padStart(7)}`);
    }
    lines.push(`  disclosure/none false alarms (as danger_now or self_harm): ${percent(metrics.falseAlarmRate).trim()}   macro-F1 ${metrics.macroF1.toFixed(3)}`);
    lines.push(`  confusion (rows expected, columns predicted):`);
    lines.push(`  ${''.padEnd(11)} ${SAFETY_LEVELS.map((level) => SHORT[level].padStart(6)).join(' ')}`);
    for (const row of SAFETY_LEVELS) lines.push(`  ${row.padEnd(11)} ${SAFETY_LEVELS.map((column) => String(metrics.confusion[row][column]).padStart(6)).join(' ')}`);
    lines.push('');
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const showMisses = process.argv.includes('--misses');
  runSafetyReport().then((report) => {
    console.log(formatSafetyReport(report));
    if (showMisses) for (const split of ['dev', 'test'] as const) for (const miss of report.splits[split].misses) console.log(`${split}: ${miss.expected} -> ${miss.predicted}: ${miss.text}`);
  });
}
