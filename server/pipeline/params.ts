import { z } from 'zod';

/**
 * Every tuning number of the answer path, in one place. Each has its default and how it was chosen;
 * stages receive them as options, and `npm run eval -- --param name=value` overrides them for sweeps.
 * Safety numbers live in their own block (`safety.*`).
 */
export const paramsSchema = z.object({
  safety: z
    .object({})
    .default({}),
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
