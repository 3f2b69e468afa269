import { isIP } from 'node:net';
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
    LUMEN_TRUSTED_PROXIES: z
      .string()
      .default('')
      .refine((value) => splitList(value).every((entry) => isIP(entry) !== 0), 'must be a comma-separated list of IP addresses (e.g. 10.0.0.5,10.0.0.6)'),
    LUMEN_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
    LUMEN_HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    LUMEN_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    LUMEN_MAX_CONNECTIONS_PER_CLIENT: z.coerce.number().int().min(0).default(256),
    LUMEN_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    NODE_ENV: z.string().optional(),
  })
  .superRefine((env, context) => {
    const llmKeys = ['LUMEN_LLM_BASE_URL', 'LUMEN_LLM_MODEL', 'LUMEN_LLM_API_KEY'] as const;
    if (env.LUMEN_HEADERS_TIMEOUT_MS > env.LUMEN_REQUEST_TIMEOUT_MS) {
      context.addIssue({ code: 'custom', path: ['LUMEN_HEADERS_TIMEOUT_MS'], message: 'must not be longer than LUMEN_REQUEST_TIMEOUT_MS' });
    }
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
  /** Load balancers whose X-Forwarded-For is believed when telling clients apart; empty = use the socket address. */
  trustedProxies: string[];
  http: HttpLimits;
  /** After this long, a shutdown cuts connections still open. */
  shutdownTimeoutMs: number;
  /** NODE_ENV=production: settings fit for local development only are warned about at startup. */
  production: boolean;
}

/** Node HTTP server limits: slow or idle clients must not hold sockets for minutes. */
export interface HttpLimits {
  /** Whole request (headers and body) must arrive within this. */
  requestTimeoutMs: number;
  /** Headers must arrive within this. */
  headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Open connections per client address (0 = no cap); trusted proxies are exempt. */
  maxConnectionsPerClient: number;
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** Warnings to log at startup for settings that are wrong in production (never fatal: the hotlines must stay up). */
export function startupWarnings(config: ServerConfig): Array<{ warning: string; message: string }> {
  const warnings: Array<{ warning: string; message: string }> = [];
  if (config.production && config.corsOrigins === '*') {
    warnings.push({ warning: 'cors_any_origin', message: 'NODE_ENV=production but LUMEN_CORS_ORIGINS is "*": any web page may call the API. Set it to the origins of the sites that embed the widget.' });
  }
  return warnings;
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
    // An IPv4 proxy reached over a dual-stack socket shows up as ::ffff:a.b.c.d; both spellings are trusted.
    trustedProxies: splitList(values.LUMEN_TRUSTED_PROXIES).flatMap((address) => (isIP(address) === 4 ? [address, `::ffff:${address}`] : [address])),
    http: {
      requestTimeoutMs: values.LUMEN_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: values.LUMEN_HEADERS_TIMEOUT_MS,
      keepAliveTimeoutMs: values.LUMEN_KEEP_ALIVE_TIMEOUT_MS,
      maxConnectionsPerClient: values.LUMEN_MAX_CONNECTIONS_PER_CLIENT,
    },
    shutdownTimeoutMs: values.LUMEN_SHUTDOWN_TIMEOUT_MS,
    production: values.NODE_ENV === 'production',
  };
}
