/**
 * Chooses the safety params by 5-fold cross-validation on the DEV split only (the test split is never read here).
 * Order of concern, from the issue: danger_now and self_harm recall first, under a disclosure false-alarm rate
 * of at most 2%; then macro-F1 over all five levels. Run: npx tsx evals/safety-tune.ts
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UseEmbeddings } from '../ingest/embedders/use-embeddings.js';
import { DEFAULT_PARAMS } from '../server/pipeline/params.js';
import { gatherEvidence, levelFromEvidence, readingTexts, type SafetyEvidence, type SafetyParams } from '../server/safety/classifier.js';
import { loadSafetyExamples, type SafetyLevel } from '../ingest/safety-examples.js';
import { embedExamples, rankOutOfFold, type RankedExample } from './safety-data.js';
import { measure, type SafetyMetrics } from './safety-metrics.js';

const FOLDS = 5;
const MAX_FALSE_ALARMS = 0.02;
const range = (from: number, to: number, step: number) => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, index) => Number((from + index * step).toFixed(3)));

/** The evidence of each out-of-fold example at one k; thresholds are then tried on it without re-ranking. */
export function evidenceAt(ranked: RankedExample[], k: number, presentBonus: number): Array<{ expected: SafetyLevel; evidence: SafetyEvidence }> {
  return ranked.map(({ item, rankings, reference }) => ({
    expected: item.example.level,
    evidence: gatherEvidence({ texts: readingTexts(item.reading), rankings, reference, k, presentBonus, latest: item.reading.latest, sentences: item.reading.sentences }),
  }));
}

/** Metrics of one threshold setting over precomputed evidence. */
export function measureAt(evidence: Array<{ expected: SafetyLevel; evidence: SafetyEvidence }>, params: SafetyParams): SafetyMetrics {
  return measure(evidence.map((row) => ({ expected: row.expected, predicted: levelFromEvidence(row.evidence, params).level })));
}

/** Alarm recall (the mean of danger_now and self_harm recall), the figure tuned first. */
const alarmRecall = (metrics: SafetyMetrics) => (metrics.levels.danger_now.recall + metrics.levels.self_harm.recall) / 2;

/** danger_now and self_harm messages that raised no alarm at all: no emergency reply, the worst miss. */
const silentMisses = (metrics: SafetyMetrics) =>
  (['danger_now', 'self_harm'] as const).reduce((sum, row) => sum + metrics.confusion[row].fear + metrics.confusion[row].disclosure + metrics.confusion[row].none, 0);

/**
 * True when `candidate` is better than `best` in the order of concern: false alarms within the limit;
 * then the fewest alarm messages left with no emergency reply (a danger_now read as self_harm still gets 911);
 * then alarm recall by level; then fewer false alarms; then macro-F1.
 */
function better(candidate: SafetyMetrics, best: SafetyMetrics | undefined): boolean {
  if (!best) return true;
  const allowed = (metrics: SafetyMetrics) => metrics.falseAlarmRate <= MAX_FALSE_ALARMS;
  if (allowed(candidate) !== allowed(best)) return allowed(candidate);
  if (silentMisses(candidate) !== silentMisses(best)) return silentMisses(candidate) < silentMisses(best);
  if (alarmRecall(candidate) !== alarmRecall(best)) return alarmRecall(candidate) > alarmRecall(best);
  if (candidate.falseAlarmRate !== best.falseAlarmRate) return candidate.falseAlarmRate < best.falseAlarmRate;
  return candidate.macroF1 > best.macroF1 + 1e-9;
}

/** The sweep: first the alarm numbers (k, thresholds, question margin), then fear and disclosure with those fixed. */
export async function tune(): Promise<{ params: SafetyParams; metrics: SafetyMetrics }> {
  const corpusDir = join(fileURLToPath(new URL('..', import.meta.url)), 'corpus');
  const dev = loadSafetyExamples(corpusDir).filter((example) => example.split === 'dev');
  const base = DEFAULT_PARAMS.safety;
  const embedded = await embedExamples(dev, new UseEmbeddings(), base);
  const ranked = rankOutOfFold(embedded, FOLDS, Number.POSITIVE_INFINITY);
  let best: { params: SafetyParams; metrics: SafetyMetrics } | undefined;
  const evidenceByK = new Map<number, ReturnType<typeof evidenceAt>>();
  for (const k of [1, 2, 3, 4, 5, 7, 10, 15, 20]) for (const presentBonus of range(0, 0.1, 0.025)) {
    const evidence = evidenceAt(ranked, k, presentBonus);
    evidenceByK.set(k * 1000 + presentBonus, evidence);
    for (const dangerThreshold of range(-0.1, 0.1, 0.01)) {
      for (const selfHarmThreshold of range(-0.1, 0.1, 0.01)) {
        for (const questionMargin of range(0, 0.2, 0.02)) {
          const params = { ...base, k, presentBonus, dangerThreshold, selfHarmThreshold, questionMargin };
          const metrics = measureAt(evidence, params);
          if (better(metrics, best?.metrics)) best = { params, metrics };
        }
      }
    }
  }
  const alarms = best!;
  best = undefined;
  const evidence = evidenceByK.get(alarms.params.k * 1000 + alarms.params.presentBonus)!;
  for (const fearThreshold of range(-0.1, 0.1, 0.01)) {
    for (const disclosureThreshold of range(-0.1, 0.1, 0.01)) {
      const params = { ...alarms.params, fearThreshold, disclosureThreshold };
      const metrics = measureAt(evidence, params);
      // The alarm figures must not move; among settings that keep them, the best macro-F1 wins.
      if (metrics.falseAlarmRate > alarms.metrics.falseAlarmRate || silentMisses(metrics) > silentMisses(alarms.metrics) || alarmRecall(metrics) < alarmRecall(alarms.metrics)) continue;
      if (!best || metrics.macroF1 > best.metrics.macroF1 + 1e-9) best = { params, metrics };
    }
  }
  return best ?? alarms;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  tune().then(({ params, metrics }) => {
    console.log(`chosen by ${FOLDS}-fold CV on dev in ${((Date.now() - started) / 1000).toFixed(0)} s:`, params);
    for (const [level, figures] of Object.entries(metrics.levels)) console.log(`  ${level.padEnd(11)} P ${figures.precision.toFixed(3)}  R ${figures.recall.toFixed(3)}  n ${figures.support}`);
    console.log(`  false alarms ${(metrics.falseAlarmRate * 100).toFixed(1)}%  alarms with no emergency reply ${silentMisses(metrics)}  macro-F1 ${metrics.macroF1.toFixed(3)}`);
  });
}
