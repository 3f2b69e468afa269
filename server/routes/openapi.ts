import { Hono } from 'hono';
import { z } from 'zod';
import { chatRequestSchema, chatResponseSchema, errorBodySchema, searchQuerySchema, searchResponseSchema } from '../contract.js';

/** The OpenAPI document, generated from the same zod schemas the routes validate with. */
export function openApiDocument(): Record<string, unknown> {
  const schema = (type: z.ZodType) => z.toJSONSchema(type, { io: 'input', unrepresentable: 'any' });
  const error = { description: 'What to fix', content: { 'application/json': { schema: schema(errorBodySchema) } } };
  const queryShape = searchQuerySchema.shape;
  return {
    openapi: '3.1.0',
    info: { title: 'Lumen', version: '0.1.0', description: 'Cited answers about protective orders from three source documents.' },
    paths: {
      '/api/chat': {
        post: {
          summary: 'Answer the latest user message with citations (JSON, or server-sent events with stream: true)',
          requestBody: { required: true, content: { 'application/json': { schema: schema(chatRequestSchema) } } },
          responses: {
            200: {
              description: 'The answer',
              content: {
                'application/json': { schema: z.toJSONSchema(chatResponseSchema) },
                'text/event-stream': { schema: { type: 'string', description: 'event: delta {text}, then event: done with the whole answer object' } },
              },
            },
            400: error,
            413: error,
            429: error,
          },
        },
      },
      '/api/search': {
        get: {
          summary: 'Ranked passages for staff lookup',
          parameters: Object.entries(queryShape).map(([name, type]) => ({ name, in: 'query', required: name === 'q', schema: schema(type as z.ZodType) })),
          responses: { 200: { description: 'Results', content: { 'application/json': { schema: z.toJSONSchema(searchResponseSchema) } } }, 400: error, 429: error },
        },
      },
      '/api/sections/{id}': {
        get: {
          summary: 'One whole section',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'The section' }, 404: error },
        },
      },
      '/healthz': { get: { summary: 'Whether the index is loaded and what it was built from', responses: { 200: { description: 'Health' } } } },
    },
  };
}

/** GET /openapi.json. */
export function createOpenApiRoutes(): Hono {
  const app = new Hono();
  const document = openApiDocument();
  app.get('/', (c) => c.json(document));
  return app;
}
