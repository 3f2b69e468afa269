/** One labelled example for the judge: its features and whether the documents answer it. */
export interface Sample {
  x: number[];
  y: number;
}

/** Deterministic k folds over n items (every k-th item), so a run is reproducible. */
export function foldsOf(n: number, k: number): Array<Set<number>> {
  const folds = Array.from({ length: k }, () => new Set<number>());
  for (let index = 0; index < n; index++) folds[index % k].add(index);
  return folds;
}

/**
 * L2-regularised logistic regression by full-batch gradient descent. With `balance`, each class weighs
 * the same in the loss, since unanswerable questions are few.
 */
export function fitLogistic(samples: Sample[], options: { lambda: number; balance?: boolean; steps?: number; rate?: number; signs?: Array<1 | -1 | 0> }): { weights: number[]; bias: number; predict(x: number[]): number } {
  const dimensions = samples[0]?.x.length ?? 0;
  const weights = new Array<number>(dimensions).fill(0);
  let bias = 0;
  const positives = samples.filter((sample) => sample.y === 1).length;
  const negatives = samples.length - positives;
  const weightOf = (sample: Sample) => (options.balance ? (sample.y === 1 ? samples.length / (2 * Math.max(1, positives)) : samples.length / (2 * Math.max(1, negatives))) : 1);
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  const rate = options.rate ?? 0.5;
  for (let step = 0; step < (options.steps ?? 4000); step++) {
    const gradient = new Array<number>(dimensions).fill(0);
    let biasGradient = 0;
    for (const sample of samples) {
      const p = sigmoid(bias + sample.x.reduce((sum, value, index) => sum + value * weights[index], 0));
      const error = (p - sample.y) * weightOf(sample);
      sample.x.forEach((value, index) => (gradient[index] += error * value));
      biasGradient += error;
    }
    for (let index = 0; index < dimensions; index++) {
      weights[index] -= rate * (gradient[index] / samples.length + options.lambda * weights[index]);
      // A known direction (more similarity never makes a question less answerable) is kept: projected descent.
      const sign = options.signs?.[index] ?? 0;
      if (sign !== 0 && weights[index] * sign < 0) weights[index] = 0;
    }
    bias -= (rate * biasGradient) / samples.length;
  }
  return { weights, bias, predict: (x) => sigmoid(bias + x.reduce((sum, value, index) => sum + value * weights[index], 0)) };
}
