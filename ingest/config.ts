import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { EmbedderConfig } from './embedders/create-embedder.js';

/** The project root: the folder that holds corpus/, ingest/ and server/. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const ingestEnvSchema = z
  .object({
    LUMEN_CORPUS_DIR: z.string().min(1).default(resolve(PROJECT_ROOT, 'corpus')),
    LUMEN_DATA_DIR: z.string().min(1).default(resolve(PROJECT_ROOT, 'data')),
    LUMEN_EMBEDDER: z.enum(['use', 'openai']).default('use'),
    LUMEN_EMBEDDINGS_BASE_URL: z.string().url().optional(),
    LUMEN_EMBEDDINGS_MODEL: z.string().min(1).optional(),
    LUMEN_EMBEDDINGS_API_KEY: z.string().min(1).optional(),
    LUMEN_EMBEDDINGS_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  })
  .superRefine((env, context) => {
    if (env.LUMEN_EMBEDDER !== 'openai') return;
    for (const key of ['LUMEN_EMBEDDINGS_BASE_URL', 'LUMEN_EMBEDDINGS_MODEL', 'LUMEN_EMBEDDINGS_API_KEY'] as const) {
      if (!env[key]) context.addIssue({ code: 'custom', path: [key], message: 'is required when LUMEN_EMBEDDER=openai' });
    }
  });

export interface IngestConfig {
  corpusDir: string;
  dataDir: string;
  embedder: EmbedderConfig;
}

/** Raised for missing or bad configuration; the message says which variable and how to fix it. */
export class ConfigError extends Error {}

/** Formats zod issues as "VARIABLE: problem" lines. */
export function describeConfigIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n');
}

/** Parses the ingest settings from an environment map (only entry points pass process.env). */
export function parseIngestConfig(env: Record<string, string | undefined>): IngestConfig {
  const parsed = ingestEnvSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(`Bad configuration:\n${describeConfigIssues(parsed.error)}`);
  const values = parsed.data;
  const embedder: EmbedderConfig =
    values.LUMEN_EMBEDDER === 'openai'
      ? {
          provider: 'openai',
          baseUrl: values.LUMEN_EMBEDDINGS_BASE_URL!,
          model: values.LUMEN_EMBEDDINGS_MODEL!,
          apiKey: values.LUMEN_EMBEDDINGS_API_KEY!,
          timeoutMs: values.LUMEN_EMBEDDINGS_TIMEOUT_MS,
        }
      : { provider: 'use' };
  return { corpusDir: resolve(values.LUMEN_CORPUS_DIR), dataDir: resolve(values.LUMEN_DATA_DIR), embedder };
}
