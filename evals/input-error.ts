/** A mistake in what the eval was given (arguments, case file, thresholds, baseline); the message says how to fix it. */
export class EvalInputError extends Error {}
