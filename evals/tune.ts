import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../ingest/config.js';
import { parseServerConfig } from '../server/config.js';
import { runChat } from '../server/pipeline/answer-chat.js';
import { answerability, type JudgeFeatures } from '../server/pipeline/judge.js';
import { DEFAULT_PARAMS, withOverrides, type ParamOverrides, type Params } from '../server/pipeline/params.js';
import { createRuntime, type Runtime } from '../server/runtime.js';
import { loadCases, type EvalCase } from './case-schema.js';
import { scoreCase } from './case-metrics.js';
import { fitLogistic, foldsOf, type Sample } from './tune-math.js';

/**
 * Chooses parameters on the DEV split only, by k-fold cross-validation; the test split is never read.
 *   npm run tune -- judge                                   fit the judge's weights and thresholds
 *   npm run tune -- sweep retrieve.lexicalWeight=0.3,0.5,0.7 [more ...]
 * It prints the values to write into server/pipeline/params.ts; it changes nothing itself.
 */
const FOLDS = 5;
/**
 * Refusing a question the documents answer costs this many times more than answering one they do not
 * (which is said with "confidence": "low" and the closest passages): a refusal leaves a person with nothing.
 */
const REFUSAL_COST = 5;
const FEATURES: Array<keyof JudgeFeatures> = ['similarity', 'questionSimilarity', 'lexical', 'unknown', 'offTopic'];
/** The direction each feature may push answerability: with 20-odd unanswerable dev questions, a fit could otherwise learn a sign by chance. */
const SIGNS: Array<1 | -1> = [1, 1, 1, -1, -1];

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const config = parseServerConfig({ ...process.env, LUMEN_WATCH_INDEX: 'false', LUMEN_LOG: 'silent' });
  const runtime = await createRuntime({ config });
  const cases = loadCases(resolve(PROJECT_ROOT, 'evals/cases-dev.jsonl')).filter((evalCase) => evalCase.expect.status !== 'emergency');
  if (command === 'judge') {
    // `judge --param retrieve.useQuestions=false`: refit for an ablation, so it is not judged by weights fitted with the part it removes.
    const specs = rest.flatMap((arg, index) => (rest[index - 1] === '--param' ? [arg] : []));
    return fitJudge(runtime, cases, withOverrides(specs) as ParamOverrides);
  }
  if (command === 'sweep') return sweep(runtime, cases, rest);
  console.error('usage: npm run tune -- judge [--param group.name=value ...] | sweep group.name=v1,v2,... [...]');
  process.exitCode = 2;
}

/** Fits the logistic judge on retrieval features of every non-emergency dev case; thresholds from out-of-fold predictions. */
async function fitJudge(runtime: Runtime, cases: EvalCase[], overrides: ParamOverrides): Promise<void> {
  const samples: Array<Sample & { outOfScope: boolean; nearest: number }> = [];
  for (const evalCase of cases) {
    const run = await runChat(runtime, { messages: evalCase.messages, retrievalMode: 'hybrid', params: overrides });
    const features = run.evidence?.features as JudgeFeatures | undefined;
    if (!features) continue;
    samples.push({ x: FEATURES.map((key) => features[key]), y: Number(evalCase.expect.status === 'answered'), outOfScope: evalCase.expect.status === 'out_of_scope', nearest: Math.max(features.similarity, features.questionSimilarity) });
  }
  const folds = foldsOf(samples.length, FOLDS);
  let best = { lambda: 0, loss: Infinity, outOfFold: [] as number[] };
  for (const lambda of [0.001, 0.01, 0.03, 0.1, 0.3]) {
    const outOfFold = new Array<number>(samples.length).fill(0);
    for (const fold of folds) {
      const train = samples.filter((_, index) => !fold.has(index));
      const model = fitLogistic(train, { lambda, balance: true, signs: SIGNS });
      for (const index of fold) outOfFold[index] = model.predict(samples[index].x);
    }
    const loss = -samples.reduce((sum, sample, index) => sum + Math.log(Math.max(1e-9, sample.y ? outOfFold[index] : 1 - outOfFold[index])), 0) / samples.length;
    if (loss < best.loss) best = { lambda, loss, outOfFold };
  }
  const model = fitLogistic(samples, { lambda: best.lambda, balance: true, signs: SIGNS });
  const positives = samples.map((sample, index) => ({ sample, p: best.outOfFold[index] })).filter(({ sample }) => sample.y === 1).map(({ p }) => p).sort((a, b) => a - b);
  const negatives = samples.map((sample, index) => ({ sample, p: best.outOfFold[index] })).filter(({ sample }) => sample.y === 0);
  // Refuse below the threshold with the least cost over out-of-fold predictions (refusals weighted by REFUSAL_COST).
  const costAt = (threshold: number) => REFUSAL_COST * positives.filter((p) => p < threshold).length + negatives.filter(({ p }) => p >= threshold).length;
  const thresholds = [...new Set([...positives, ...negatives.map(({ p }) => p)].map((p) => Number(p.toFixed(3))))].sort((a, b) => a - b);
  const refuseBelow = cheapestCut(thresholds, costAt);
  // High confidence above every unanswerable question's out-of-fold score, but "low" on at most a tenth of the
  // answerable ones: the line "may not answer exactly" is for doubt, not for every other answer.
  const confidentAbove = Math.max(refuseBelow, Math.min(positives[Math.floor(positives.length * 0.1)] ?? 0.6, Math.max(...negatives.map(({ p }) => p))));
  // In scope at all: the same features, out_of_scope cases against every other; its threshold by the same cost.
  const scopeSamples = samples.map((sample) => ({ x: sample.x, y: Number(!sample.outOfScope), answerable: sample.y === 1 }));
  const scopeOutOfFold = new Array<number>(samples.length).fill(0);
  for (const fold of folds) {
    const scopeModel = fitLogistic(scopeSamples.filter((_, index) => !fold.has(index)), { lambda: best.lambda, balance: true, signs: SIGNS });
    for (const index of fold) scopeOutOfFold[index] = scopeModel.predict(scopeSamples[index].x);
  }
  const scopeModel = fitLogistic(scopeSamples, { lambda: best.lambda, balance: true, signs: SIGNS });
  const scopeCost = (threshold: number) =>
    scopeSamples.reduce((sum, sample, index) => sum + (scopeOutOfFold[index] < threshold ? (sample.y ? (sample.answerable ? REFUSAL_COST : 1) : 0) : sample.y ? 0 : 1), 0);
  const scopeThresholds = [...new Set(scopeOutOfFold.map((p) => Number(p.toFixed(3))))].sort((a, b) => a - b);
  const outOfScopeBelow = cheapestCut(scopeThresholds, scopeCost);
  const cut = { errors: scopeCost(outOfScopeBelow) };
  const refused = positives.filter((p) => p < refuseBelow).length;
  const caught = negatives.filter(({ p }) => p < refuseBelow).length;
  console.log(`dev samples ${samples.length} (${positives.length} answerable, ${negatives.length} not); L2 lambda ${best.lambda} by ${FOLDS}-fold CV (log loss ${best.loss.toFixed(3)})`);
  const scopeHits = scopeSamples.filter((sample, index) => !sample.y && scopeOutOfFold[index] < outOfScopeBelow).length;
  const scopeWrong = scopeSamples.filter((sample, index) => sample.y && scopeOutOfFold[index] < outOfScopeBelow).length;
  console.log(`out-of-fold at the chosen thresholds: answerable refused ${refused}/${positives.length}, unanswerable refused ${caught}/${negatives.length}; out_of_scope found ${scopeHits}/${scopeSamples.filter((sample) => !sample.y).length}, others called out_of_scope ${scopeWrong} (weighted cost ${cut.errors})`);
  const [wSimilarity, wQuestionSimilarity, wLexical, wUnknown, wOffTopic] = model.weights;
  const [scopeWSimilarity, scopeWQuestionSimilarity, scopeWLexical, scopeWUnknown, scopeWOffTopic] = scopeModel.weights;
  const round = (value: number) => Number(value.toFixed(3));
  console.log('judge params:', JSON.stringify({ bias: round(model.bias), wSimilarity: round(wSimilarity), wQuestionSimilarity: round(wQuestionSimilarity), wLexical: round(wLexical), wUnknown: round(wUnknown), wOffTopic: round(wOffTopic), refuseBelow: round(refuseBelow), confidentAbove: round(confidentAbove), scopeBias: round(scopeModel.bias), scopeWSimilarity: round(scopeWSimilarity), scopeWQuestionSimilarity: round(scopeWQuestionSimilarity), scopeWLexical: round(scopeWLexical), scopeWUnknown: round(scopeWUnknown), scopeWOffTopic: round(scopeWOffTopic), outOfScopeBelow: round(outOfScopeBelow) }));
  const check = answerability({ similarity: 0, questionSimilarity: 0, lexical: 0, unknown: 1, offTopic: 1 }, { ...DEFAULT_PARAMS.judge, bias: model.bias, wSimilarity, wQuestionSimilarity, wLexical, wUnknown, wOffTopic });
  console.log(`sanity: a question sharing nothing with the documents scores ${check.toFixed(3)}`);
}

/**
 * The cut with the least cost, placed halfway between the scores on either side of it (the widest
 * margin), so it does not sit on one dev question's score.
 */
function cheapestCut(sorted: number[], cost: (threshold: number) => number): number {
  const candidates = [0, ...sorted.map((value, index) => (index === 0 ? value / 2 : (sorted[index - 1] + value) / 2)), 1];
  return candidates.reduce((best, threshold) => (cost(threshold) < cost(best) ? threshold : best), 0);
}

/** The dev metric retrieval parameters are chosen on: an expected section cited and the key facts quoted. */
async function caseScores(runtime: Runtime, cases: EvalCase[], overrides: ParamOverrides): Promise<number[]> {
  const scores: number[] = [];
  for (const evalCase of cases) {
    const run = await runChat(runtime, { messages: evalCase.messages, retrievalMode: 'hybrid', params: overrides });
    const result = scoreCase({ evalCase, response: run.response, retrieved: (run.candidates ?? []).map((candidate) => candidate.section.id), latencyMs: 0, mode: 'hybrid', k: 5 });
    const { citationRecall, factCoverage, statusCorrect } = result.metrics;
    scores.push(evalCase.expect.status === 'answered' ? ((citationRecall ?? 0) + (factCoverage ?? 0)) / 2 : statusCorrect);
  }
  return scores;
}

/**
 * One parameter at a time over its grid: in each fold the value best on the other folds is scored on
 * the held-out fold (the CV estimate); the value best on all of dev is the one to use.
 */
async function sweep(runtime: Runtime, cases: EvalCase[], specs: string[]): Promise<void> {
  const folds = foldsOf(cases.length, FOLDS);
  for (const spec of specs) {
    const [name, list] = spec.split('=');
    const values = list.split(',');
    const perValue = new Map<string, number[]>();
    for (const value of values) perValue.set(value, await caseScores(runtime, cases, withOverrides([`${name}=${value}`]) as ParamOverrides));
    const mean = (scores: number[], keep: (index: number) => boolean) => {
      const kept = scores.filter((_, index) => keep(index));
      return kept.reduce((sum, score) => sum + score, 0) / Math.max(1, kept.length);
    };
    let cvTotal = 0;
    const chosenPerFold: string[] = [];
    for (const fold of folds) {
      const bestValue = values.reduce((top, value) => (mean(perValue.get(value)!, (index) => !fold.has(index)) > mean(perValue.get(top)!, (index) => !fold.has(index)) ? value : top), values[0]);
      chosenPerFold.push(bestValue);
      cvTotal += mean(perValue.get(bestValue)!, (index) => fold.has(index)) * fold.size;
    }
    const overall = values.map((value) => `${value}: ${mean(perValue.get(value)!, () => true).toFixed(3)}`).join(', ');
    const chosen = values.reduce((top, value) => (mean(perValue.get(value)!, () => true) > mean(perValue.get(top)!, () => true) ? value : top), values[0]);
    console.log(`${name}: dev mean per value ${overall}; chosen ${chosen}; per-fold choices ${chosenPerFold.join(',')}; ${FOLDS}-fold CV estimate ${(cvTotal / cases.length).toFixed(3)} (default ${String(getParam(DEFAULT_PARAMS, name))})`);
  }
}

function getParam(params: Params, name: string): unknown {
  const [group, key] = name.split('.') as [keyof Params, string];
  return (params[group] as Record<string, unknown>)[key];
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
