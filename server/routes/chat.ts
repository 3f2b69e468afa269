import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { answerChat, classifySafetyLevel, runChat } from '../pipeline/answer-chat.js';
import { isAlarm } from '../safety/classifier.js';
import type { TraceEntry } from '../pipeline/types.js';
import { chatRequestSchema, type ChatMessage } from '../contract.js';
import type { Logger } from '../logger.js';
import type { RateLimiter } from '../middleware/rate-limit.js';
import { retrievalFallbackLogger } from './retrieval-fallback.js';
import type { Runtime } from '../runtime.js';
import { validate } from './validation.js';

/** Whether a conversation must be answered even past the rate limit (danger now, self-harm). */
export type UrgencyCheck = (messages: ChatMessage[]) => boolean | Promise<boolean>;

/** The default urgency check: the answer path's own safety classifier says danger now or self-harm. */
export function urgentBySafety(runtime: Runtime): UrgencyCheck {
  return async (messages) => {
    const { level } = await classifySafetyLevel(runtime.snapshot, messages);
    return isAlarm(level);
  };
}

export interface ChatRouteOptions {
  /** Counts only requests that passed content type, size and schema checks, so junk cannot spend a visitor's budget. */
  rateLimit?: RateLimiter;
  /** Consulted only when the limit is exceeded: an urgent message is answered anyway. */
  isUrgent?: UrgencyCheck;
}

/**
 * The trace as an HTTP Server-Timing value: each stage's milliseconds, and the encoder's share of the safety stage
 * (the one call that embeds the message, with how many distinct texts it held; near zero when they were cached).
 * Durations and counts only, never what was asked.
 */
function serverTiming(trace: TraceEntry[]): string {
  const parts = trace.map((entry) => `${entry.stage};dur=${entry.milliseconds}`);
  const encoder = trace.find((entry) => entry.stage === 'safety')?.detail.encoder as { milliseconds: number; texts: number } | undefined;
  if (encoder) parts.push(`encoder;desc="${encoder.texts} text${encoder.texts === 1 ? '' : 's'}";dur=${encoder.milliseconds}`);
  return parts.join(', ');
}

/** POST /api/chat: a cited answer, as JSON or (stream: true / Accept: text/event-stream) as server-sent events. */
export function createChatRoutes(runtime: Runtime, logger: Logger, options: ChatRouteOptions = {}): Hono {
  const app = new Hono();
  const isUrgent = options.isUrgent ?? urgentBySafety(runtime);
  app.post('/', validate('json', chatRequestSchema), async (c) => {
    const body = c.req.valid('json');
    const limited = await options.rateLimit?.consume(c);
    if (limited) {
      let urgent: boolean;
      try {
        urgent = await isUrgent(body.messages);
      } catch (error) {
        // A check that fails cannot tell us the person is safe: answer rather than turn them away.
        logger.error({ event: 'urgency_check_error', errorName: (error as Error)?.name ?? typeof error });
        urgent = true;
      }
      if (!urgent) return limited;
      // Hono's c.json() puts its headers into the context's pending ones, which the answer below is made with:
      // the 429's Retry-After must not tell a person in danger to wait.
      c.header('Retry-After', undefined);
      logger.info({ event: 'rate_limit_bypassed_urgent', route: '/api/chat' });
    }
    const request = { ...body, onRetrievalFallback: retrievalFallbackLogger(logger, '/api/chat') };
    const wantsStream = request.stream === true || (c.req.header('accept') ?? '').includes('text/event-stream');
    if (!wantsStream) {
      const run = await runChat(runtime, request);
      // What each stage cost (browsers' developer tools and the benchmark read it); set before the body is made.
      c.header('Server-Timing', serverTiming(run.trace));
      return c.json(run.response);
    }
    return streamSSE(c, async (stream) => {
      const response = await answerChat(runtime, request);
      // The answer is sent line by line so the widget can show it as it arrives, then whole.
      const pieces = response.answer.split(/(?<=\n)/);
      for (const [index, text] of pieces.entries()) await stream.writeSSE({ event: 'delta', data: JSON.stringify({ text }), id: String(index) });
      await stream.writeSSE({ event: 'done', data: JSON.stringify(response) });
    });
  });
  return app;
}
