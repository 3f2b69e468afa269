import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { answerChat } from '../pipeline/answer-chat.js';
import { chatRequestSchema } from '../contract.js';
import type { Logger } from '../logger.js';
import { retrievalFallbackLogger } from './retrieval-fallback.js';
import type { Runtime } from '../runtime.js';
import { validate } from './validation.js';

/** POST /api/chat: a cited answer, as JSON or (stream: true / Accept: text/event-stream) as server-sent events. */
export function createChatRoutes(runtime: Runtime, logger: Logger): Hono {
  const app = new Hono();
  app.post('/', validate('json', chatRequestSchema), async (c) => {
    const request = { ...c.req.valid('json'), onRetrievalFallback: retrievalFallbackLogger(logger, '/api/chat') };
    const wantsStream = request.stream === true || (c.req.header('accept') ?? '').includes('text/event-stream');
    if (!wantsStream) return c.json(await answerChat(runtime, request));
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
