import { SAFETY_LEVELS, type SafetyLevel } from '../ingest/safety-examples.js';

/** Counts of (expected, predicted) pairs. */
export type Confusion = Record<SafetyLevel, Record<SafetyLevel, number>>;

/** Precision, recall and support of one level. */
export interface LevelMetrics {
  precision: number;
  recall: number;
  support: number;
}

/** Everything the report and the tuning sweep look at for one set of predictions. */
export interface SafetyMetrics {
  confusion: Confusion;
  levels: Record<SafetyLevel, LevelMetrics>;
  /** Share of disclosure and none messages classified danger_now or self_harm. */
  falseAlarmRate: number;
  macroF1: number;
}

/** Builds the confusion matrix and per-level figures from expected and predicted levels. */
export function measure(pairs: Array<{ expected: SafetyLevel; predicted: SafetyLevel }>): SafetyMetrics {
  const confusion = Object.fromEntries(SAFETY_LEVELS.map((row) => [row, Object.fromEntries(SAFETY_LEVELS.map((column) => [column, 0]))])) as Confusion;
  for (const { expected, predicted } of pairs) confusion[expected][predicted] += 1;
  const levels = {} as Record<SafetyLevel, LevelMetrics>;
  let f1Sum = 0;
  for (const level of SAFETY_LEVELS) {
    const truePositive = confusion[level][level];
    const support = SAFETY_LEVELS.reduce((sum, column) => sum + confusion[level][column], 0);
    const predicted = SAFETY_LEVELS.reduce((sum, row) => sum + confusion[row][level], 0);
    // An empty denominator is "nothing to get wrong": 1, so a level absent from a split does not drag the mean.
    const precision = predicted === 0 ? 1 : truePositive / predicted;
    const recall = support === 0 ? 1 : truePositive / support;
    levels[level] = { precision, recall, support };
    f1Sum += precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  const calm = (['disclosure', 'none'] as const).flatMap((row) => [confusion[row].danger_now + confusion[row].self_harm, SAFETY_LEVELS.reduce((sum, column) => sum + confusion[row][column], 0)]);
  const falseAlarms = calm[0] + calm[2];
  const calmTotal = calm[1] + calm[3];
  return { confusion, levels, falseAlarmRate: calmTotal === 0 ? 0 : falseAlarms / calmTotal, macroF1: f1Sum / SAFETY_LEVELS.length };
}
