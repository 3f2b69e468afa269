import { z } from 'zod';

/**
 * Every tuning number of the answer path, in one place. Each has its default and how it was chosen;
 * stages receive them as options, and `npm run eval -- --param name=value` overrides them for sweeps.
 * Safety numbers live in their own block (`safety.*`).
 */
export const paramsSchema = z.object({
  safety: z
    .object({
      /** Examples per level averaged into that level's similarity (the k nearest of each level). Default 7: 5-fold CV on dev (evals/safety-tune.ts, swept 1-10). */
      k: z.number().int().min(1).max(50).default(7),
      /** Margin over the closest calm level a sentence needs to be danger_now. Default 0: 5-fold CV on dev (swept -0.1..0.1), best danger_now+self_harm recall with disclosure/none false alarms ≤ 2%. */
      dangerThreshold: z.number().min(-1).max(1).default(0),
      /** Margin over the closest calm level a sentence needs to be self_harm. Default -0.02: 5-fold CV on dev, swept with dangerThreshold. */
      selfHarmThreshold: z.number().min(-1).max(1).default(-0.02),
      /** Margin of fear over disclosure and none. Default 0.06: 5-fold CV on dev (swept -0.1..0.1), best macro-F1 with the alarm numbers fixed. */
      fearThreshold: z.number().min(-1).max(1).default(0.06),
      /** Margin of disclosure over none. Default 0.05: 5-fold CV on dev, swept with fearThreshold. */
      disclosureThreshold: z.number().min(-1).max(1).default(0.05),
      /** Extra margin an alarm needs when the message also asks a question, so a legal question is not swallowed. Default 0.1: 5-fold CV on dev (swept 0-0.2), with the alarm thresholds. */
      questionMargin: z.number().min(0).max(1).default(0.1),
      /** Added to a sentence's danger_now margin when it says "right now" / "as we speak". Default 0.025: 5-fold CV on dev (swept 0-0.1). */
      presentBonus: z.number().min(0).max(1).default(0.025),
      /** A latest message of at most this many words that asks nothing is read with the previous user turn ("yes", "still here"). Default 4: set by hand, not tuned. */
      contextWords: z.number().int().min(0).max(20).default(4),
    })
    .prefault({}),
});

export type Params = z.infer<typeof paramsSchema>;

/** The defaults, parsed once. */
export const DEFAULT_PARAMS: Params = paramsSchema.parse({});

/**
 * Applies `name=value` overrides ("retrieve.lexicalWeight=0.4", "safety.dangerThreshold=0.6") to the
 * defaults; an unknown name or a bad value is an error that says which.
 */
export function withOverrides(pairs: string[], base: Params = DEFAULT_PARAMS): Params {
  const merged = structuredClone(base) as Record<string, unknown>;
  for (const pair of pairs) {
    const match = pair.match(/^([a-zA-Z]+)\.([a-zA-Z]+)=(.+)$/);
    if (!match) throw new ParamError(`--param ${pair}: expected group.name=value, e.g. retrieve.lexicalWeight=0.4`);
    const [, group, name, raw] = match;
    const block = merged[group] as Record<string, unknown> | undefined;
    if (!block || typeof block !== 'object' || !(name in block)) throw new ParamError(`--param ${pair}: no parameter "${group}.${name}"`);
    const current = block[name];
    const value = typeof current === 'number' ? Number(raw) : typeof current === 'boolean' ? raw === 'true' : raw;
    if (typeof current === 'number' && !Number.isFinite(value)) throw new ParamError(`--param ${pair}: "${raw}" is not a number`);
    block[name] = value;
  }
  const parsed = paramsSchema.safeParse(merged);
  if (!parsed.success) throw new ParamError(`--param: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}

/** A bad parameter override; the message names it. */
export class ParamError extends Error {}
