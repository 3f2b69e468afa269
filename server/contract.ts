import { z } from 'zod';

/** Limits on what a client may send; each breach is a 4xx that names the limit. */
export const LIMITS = {
  maxMessages: 20,
  maxMessageChars: 2000,
  // Room for a full conversation (20 x 2,000 characters) even in scripts that take 3-4 UTF-8 bytes a character.
  maxBodyBytes: 192 * 1024,
  maxQueryChars: 300,
  maxSearchResults: 50,
} as const;

export const chatMessageSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z
    .string()
    .max(LIMITS.maxMessageChars, `must be at most ${LIMITS.maxMessageChars} characters`)
    .refine((value) => value.trim().length > 0, 'must not be empty'),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const retrievalModeSchema = z.enum(['hybrid', 'lexical', 'vector']);
export type RetrievalMode = z.infer<typeof retrievalModeSchema>;

export const chatRequestSchema = z
  .object({
    messages: z.array(chatMessageSchema).min(1, 'must hold at least one message').max(LIMITS.maxMessages, `must hold at most ${LIMITS.maxMessages} messages`),
    stream: z.boolean().optional(),
    retrievalMode: retrievalModeSchema.optional(),
  })
  .refine((value) => value.messages[value.messages.length - 1]?.role === 'user', {
    message: 'the last message must come from the user',
    path: ['messages'],
  });
export type ChatRequest = z.infer<typeof chatRequestSchema>;

export const citationSchema = z.object({
  n: z.number().int().positive(),
  docId: z.string(),
  docTitle: z.string(),
  sectionId: z.string(),
  sectionPath: z.array(z.string()),
  locator: z.string(),
  quote: z.string(),
  url: z.string(),
  asOf: z.string().nullable(),
  asOfNote: z.string(),
});
export type Citation = z.infer<typeof citationSchema>;

export const hotlineOutSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  tty: z.string().optional(),
  text: z.string().nullable(),
  chat: z.string().nullable(),
  url: z.string().nullable(),
  when: z.string(),
});
export type HotlineOut = z.infer<typeof hotlineOutSchema>;

export const noticeSchema = z.object({
  kind: z.enum(['source_conflict', 'dated_source', 'legal_information', 'llm_fallback', 'safety', 'low_confidence']),
  message: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const chatStatusSchema = z.enum(['answered', 'not_found', 'out_of_scope', 'emergency']);
export type ChatStatus = z.infer<typeof chatStatusSchema>;

export const chatResponseSchema = z.object({
  status: chatStatusSchema,
  answer: z.string(),
  citations: z.array(citationSchema),
  hotlines: z.array(hotlineOutSchema),
  notices: z.array(noticeSchema),
  disclaimer: z.string(),
  /** Which composer produced the answer: the extractive default or a checked LLM answer. */
  composer: z.enum(['extractive', 'llm']),
  /** How sure the judge is that the quoted passages answer the question ("low": they may not answer it exactly). */
  confidence: z.enum(['high', 'low']),
  /** Other passages worth asking about, each as a question a person can tap. */
  related: z.array(z.object({ question: z.string(), sectionId: z.string() })),
});
export type ChatResponse = z.infer<typeof chatResponseSchema>;

export const searchQuerySchema = z.object({
  q: z
    .string({ error: 'q is required' })
    .max(LIMITS.maxQueryChars, `q must be at most ${LIMITS.maxQueryChars} characters`)
    .refine((value) => value.trim().length > 0, 'q must not be empty'),
  mode: z.enum(['instant', 'hybrid', 'lexical', 'vector']).default('hybrid'),
  doc: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.maxSearchResults).default(10),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const searchResultSchema = z.object({
  rank: z.number().int(),
  sectionId: z.string(),
  docId: z.string(),
  docTitle: z.string(),
  sectionPath: z.array(z.string()),
  title: z.string(),
  locator: z.string(),
  snippet: z.string(),
  score: z.number(),
  url: z.string(),
  asOf: z.string().nullable(),
});
export const searchResponseSchema = z.object({ query: z.string(), mode: z.string(), results: z.array(searchResultSchema) });
export type SearchResponse = z.infer<typeof searchResponseSchema>;

export const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
