import { z } from 'zod';
import { ConfigError, describeConfigIssues, parseIngestConfig, type IngestConfig } from '../ingest/config.js';

const serverEnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    HOST: z.string().min(1).default('127.0.0.1'),
    LUMEN_RETRIEVAL_MODE: z.enum(['hybrid', 'lexical', 'vector']).default('hybrid'),
    LUMEN_LLM_BASE_URL: z.string().url().optional(),
    LUMEN_LLM_MODEL: z.string().min(1).optional(),
    LUMEN_LLM_API_KEY: z.string().min(1).optional(),
    LUMEN_LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
    LUMEN_CORS_ORIGINS: z.string().default('*'),
    LUMEN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(60),
    LUMEN_LOOKUP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
    LUMEN_REDIS_URL: z
      .string()
      .url()
      .refine((value) => /^rediss?:\/\//.test(value), 'must start with redis:// or rediss://')
      .optional(),
    LUMEN_WATCH_INDEX: z.enum(['true', 'false']).default('true'),
    LUMEN_LOG: z.enum(['json', 'silent']).default('json'),
  })
  .superRefine((env, context) => {
    const llmKeys = ['LUMEN_LLM_BASE_URL', 'LUMEN_LLM_MODEL', 'LUMEN_LLM_API_KEY'] as const;
    const given = llmKeys.filter((key) => env[key]);
    if (given.length > 0 && given.length < llmKeys.length) {
      for (const key of llmKeys) if (!env[key]) context.addIssue({ code: 'custom', path: [key], message: 'is required when any LUMEN_LLM_* setting is given (LLM mode needs all three)' });
    }
  });

export interface LlmConfig {
  baseUrl: string;
  model: string;
  apiKey: string;
  timeoutMs: number;
}

export interface ServerConfig {
  port: number;
  host: string;
  ingest: IngestConfig;
  retrievalMode: 'hybrid' | 'lexical' | 'vector';
  llm?: LlmConfig;
  /** "*" for any origin (local development), else the exact origins allowed to embed the widget. */
  corsOrigins: string[] | '*';
  /** Chat requests per client per minute (0 = off). */
  rateLimitPerMinute: number;
  /** Search and section requests per client per minute (0 = off): search-as-you-type sends one per pause in typing. */
  lookupRateLimitPerMinute: number;
  /** A Redis every replica counts rate limits in (LUMEN_REDIS_URL); unset = in memory, per process. */
  redisUrl?: string;
  watchIndex: boolean;
  log: 'json' | 'silent';
}

/** Parses all server settings once at startup; only entry points pass process.env in. */
export function parseServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const ingest = parseIngestConfig(env);
  const parsed = serverEnvSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(`Bad configuration:\n${describeConfigIssues(parsed.error)}`);
  const values = parsed.data;
  const origins = values.LUMEN_CORS_ORIGINS.trim();
  return {
    port: values.PORT,
    host: values.HOST,
    ingest,
    retrievalMode: values.LUMEN_RETRIEVAL_MODE,
    llm: values.LUMEN_LLM_BASE_URL
      ? { baseUrl: values.LUMEN_LLM_BASE_URL, model: values.LUMEN_LLM_MODEL!, apiKey: values.LUMEN_LLM_API_KEY!, timeoutMs: values.LUMEN_LLM_TIMEOUT_MS }
      : undefined,
    corsOrigins: origins === '*' ? '*' : origins.split(',').map((origin) => origin.trim()).filter(Boolean),
    rateLimitPerMinute: values.LUMEN_RATE_LIMIT_PER_MINUTE,
    lookupRateLimitPerMinute: values.LUMEN_LOOKUP_RATE_LIMIT_PER_MINUTE,
    redisUrl: values.LUMEN_REDIS_URL,
    watchIndex: values.LUMEN_WATCH_INDEX === 'true',
    log: values.LUMEN_LOG,
  };
}
