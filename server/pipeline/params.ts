import { z } from 'zod';

/**
 * Every tuning number of the answer path, in one place. Each has its default and how it was chosen;
 * stages receive them as options, and `npm run eval -- --param name=value` overrides them for sweeps.
 * Safety numbers live in their own block (`safety.*`).
 */
const weight = z.number().min(0).max(1);

export const paramsSchema = z.object({
  safety: z
    .object({
      /** Examples per level averaged into that level's similarity (the k nearest of each level). Default 7: 5-fold CV on dev (evals/safety-tune.ts, swept 1-20; 854 dev examples). */
      k: z.number().int().min(1).max(50).default(7),
      /** Margin over the closest calm level a sentence needs to be danger_now. Default 0: 5-fold CV on dev (swept -0.1..0.1), best danger_now+self_harm recall with disclosure/none false alarms ≤ 2%. */
      dangerThreshold: z.number().min(-1).max(1).default(0),
      /** Margin over the closest calm level a sentence needs to be self_harm. Default -0.02: 5-fold CV on dev, swept with dangerThreshold. */
      selfHarmThreshold: z.number().min(-1).max(1).default(-0.02),
      /** Margin of fear over disclosure and none. Default 0.02: 5-fold CV on dev (swept -0.1..0.1), best macro-F1 with the alarm numbers fixed. */
      fearThreshold: z.number().min(-1).max(1).default(0.02),
      /** Margin of disclosure over none. Default 0.07: 5-fold CV on dev, swept with fearThreshold. */
      disclosureThreshold: z.number().min(-1).max(1).default(0.07),
      /** Extra margin an alarm needs when the message also asks a question, so a legal question is not swallowed. Default 0.12: 5-fold CV on dev (swept 0-0.2), with the alarm thresholds. */
      questionMargin: z.number().min(0).max(1).default(0.12),
      /** Added to a sentence's danger_now margin when it says "right now" / "as we speak". Default 0.075: 5-fold CV on dev (swept 0-0.1). */
      presentBonus: z.number().min(0).max(1).default(0.075),
      /** A latest message of at most this many words that asks nothing is read with the previous user turn ("yes", "still here"). Default 4: set by hand, not tuned. */
      contextWords: z.number().int().min(0).max(20).default(4),
    })
    .prefault({}),
  retrieve: z
    .object({
      /** Units taken from each retriever (BM25, vectors) before fusion. Default 80, set by hand: deep enough that the supporting sentence is in the pool for most questions. */
      candidates: z.number().int().min(5).max(400).default(80),
      /** Share of BM25 in a unit's fused score; the rest is the encoder's cosine. Both are min-max scaled per query first. Default 0.6: `npm run tune -- sweep` (5-fold CV on dev) over 0.3-0.7. */
      lexicalWeight: weight.default(0.6),
      /** Share of the question-focus vector (the sentences that ask) in the vector score; the rest is the whole message. Default 0.25: CV on dev over 0.25, 0.5, 0.75. */
      focusWeight: weight.default(0.25),
      /** Weight of the best example-question match in a section's score, beside its best unit. Default 0.9: CV on dev over 0.3-1.2. */
      questionWeight: z.number().min(0).max(3).default(0.9),
      /** Share of BM25 (over example questions) in an example question's score; the rest is cosine. Default 0.3, set by hand (not swept). */
      questionLexicalWeight: weight.default(0.3),
      /** An example question's score lifts the unit its record names as the answer, by this share. Default 0.5: CV on dev over 0-1 (0 is the ablation). */
      pointLift: z.number().min(0).max(2).default(0.5),
      /** A matched example question lifts its point only when it scores at least this share of its section's best question. Default 0 (every matched question lifts its point): 5-fold CV on dev over 0, 0.7, 0.85, 1. */
      pointLiftNear: weight.default(0),
      /** A section's second-best unit adds this share of its score (a section that matches throughout beats one lucky sentence). Default 0.15, set by hand. */
      secondUnitShare: weight.default(0.15),
      /** Weight of synonym expansions (corpus/synonyms.json and the glossary's acronyms) in BM25, relative to the person's own words. Default 0.4, set by hand. */
      synonymWeight: weight.default(0.4),
      /** Weight of the carried-over earlier turn for an elliptical follow-up. Default 0.8: CV on dev over 0.4-1. */
      contextWeight: weight.default(0.8),
      /** A superseded source's score is multiplied by this (the 2013 MPO page under the 2024 DoDI). Default 0.85, set by hand. */
      supersededFactor: weight.default(0.85),
      /** Score added to a section that carries a typed statute, paragraph or form number, per occurrence (up to 3). Default 0.25, set by hand. */
      referenceBonus: z.number().min(0).max(2).default(0.25),
      /** Score added to the glossary entry a "what is X?" question asks for. Default 0.6, set by hand. */
      definitionBonus: z.number().min(0).max(2).default(0.6),
      /** Ablation switch: match example questions at all. */
      useQuestions: z.boolean().default(true),
    })
    .prefault({}),
  judge: z
    .object({
      /** Logistic-regression weights over the judge's features (judge.ts), fitted by `npm run tune -- judge` on dev (L2 by 5-fold CV, signs fixed: similarity up, unknown words and off-topic closeness down). */
      bias: z.number().default(-0.283),
      wSimilarity: z.number().default(0),
      wQuestionSimilarity: z.number().default(4.642),
      wLexical: z.number().default(0.687),
      wUnknown: z.number().default(-5.832),
      wOffTopic: z.number().default(-5.188),
      /** Below this answerability the documents do not answer (not_found). Chosen on out-of-fold scores with a refused answerable question costing 5 wrong answers. */
      refuseBelow: weight.default(0.23),
      /** From here up the answer is given with high confidence; between the two it is answered with "confidence": "low" (at most a tenth of answerable dev questions). */
      confidentAbove: weight.default(0.533),
      /** A second logistic model over the same features: is the question about this subject at all? Fitted by `npm run tune -- judge`. */
      scopeBias: z.number().default(1.361),
      scopeWSimilarity: z.number().default(3.676),
      scopeWQuestionSimilarity: z.number().default(4.806),
      scopeWLexical: z.number().default(0.578),
      scopeWUnknown: z.number().default(-3.3),
      scopeWOffTopic: z.number().default(-8.61),
      /** Below this the question is about another subject: out_of_scope. Chosen by CV with refusals of answerable questions weighted 5 to 1. */
      outOfScopeBelow: weight.default(0.293),
    })
    .prefault({}),
  compose: z
    .object({
      /** Sections quoted at most, unless the question compares. */
      maxSections: z.number().int().min(1).max(4).default(2),
      /** Words an answer aims to stay under (a list the lead sentence introduces is kept whole). */
      maxWords: z.number().int().min(30).max(400).default(110),
      /** Words a lead-in's items (DoDI sub-paragraphs) may take even when the answer is already at maxWords: a lead-in without items says nothing. Default 40, set by hand, not tuned. */
      listFloorWords: z.number().int().min(0).max(400).default(40),
      /** Another unit of the lead section joins when it scores this share of the lead unit. Default 0.5: CV on dev over 0.5-0.9. */
      followRatio: weight.default(0.5),
      /** A second section joins when its best unit scores this share of the lead unit. Default 0.7: CV on dev over 0.7-1. */
      otherSectionRatio: weight.default(0.7),
      /** Related questions offered under an answer. */
      related: z.number().int().min(0).max(5).default(3),
    })
    .prefault({}),
});

export type Params = z.infer<typeof paramsSchema>;

/** The defaults, parsed once. */
export const DEFAULT_PARAMS: Params = paramsSchema.parse({});

/** A partial override, e.g. from `--param` or a test. */
export type ParamOverrides = { [Group in keyof Params]?: Partial<Params[Group]> };

/** The defaults with some values replaced, validated. */
export function resolveParams(overrides: ParamOverrides = {}): Params {
  if (Object.keys(overrides).length === 0) return DEFAULT_PARAMS;
  const merged: Record<string, unknown> = {};
  for (const group of Object.keys(DEFAULT_PARAMS) as Array<keyof Params>) merged[group] = { ...DEFAULT_PARAMS[group], ...(overrides[group] ?? {}) };
  return paramsSchema.parse(merged);
}

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
