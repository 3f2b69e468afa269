import type { ChatMessage, ChatResponse } from '../shared/types.js';
import { normaliseResponse } from './normalise-response.js';
import { createSseParser, type SseEvent } from './sse-parser.js';

/**
 * Why a question got no answer: the server refused it, could not be reached, sent something
 * unreadable, or took too long. The message is for logs and tests; a person sees only plain words.
 */
export class ChatError extends Error {
  constructor(
    readonly kind: 'rejected' | 'unavailable' | 'too_long' | 'busy',
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ChatError';
  }
}

export interface SendChatOptions {
  endpoint: string;
  messages: ChatMessage[];
  signal: AbortSignal;
  /** Called with the whole answer text so far each time a piece streams in. */
  onText(textSoFar: string): void;
}

/** Asks the server, streaming when it streams, and resolves with the whole response object. */
export async function sendChat(options: SendChatOptions): Promise<ChatResponse> {
  let response: Response;
  try {
    response = await fetch(options.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream, application/json' },
      body: JSON.stringify({ messages: options.messages, stream: true }),
      signal: options.signal,
      // No cookies, no cache, no referrer: the request should carry nothing but the question.
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch (error) {
    if (options.signal.aborted) throw error;
    throw new ChatError('unavailable', 'network');
  }
  if (!response.ok) throw await errorFrom(response);
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('text/event-stream') && response.body) return readStream(response.body, options);
  try {
    return normaliseResponse(await response.json());
  } catch {
    throw new ChatError('unavailable', 'unreadable response');
  }
}

async function errorFrom(response: Response): Promise<ChatError> {
  const kind =
    response.status === 429 ? 'busy' : response.status === 413 ? 'too_long' : response.status >= 400 && response.status < 500 ? 'rejected' : 'unavailable';
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    const message = typeof body.error?.message === 'string' ? body.error.message : `HTTP ${response.status}`;
    const code = typeof body.error?.code === 'string' ? body.error.code : undefined;
    // "messages[0].content: must be at most 2000 characters": the one refusal a person can fix themselves.
    const tooLong = kind === 'rejected' && /at most \d+ characters|too (big|long)/i.test(message);
    return new ChatError(tooLong ? 'too_long' : kind, message, code);
  } catch {
    return new ChatError(kind, `HTTP ${response.status}`);
  }
}

async function readStream(body: ReadableStream<Uint8Array>, options: SendChatOptions): Promise<ChatResponse> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = createSseParser();
  let text = '';
  const handle = (events: SseEvent[]): ChatResponse | undefined => {
    for (const event of events) {
      const data = parseJson(event.data);
      if (event.event === 'delta') {
        const piece = (data as { text?: unknown } | undefined)?.text;
        if (typeof piece === 'string') {
          text += piece;
          options.onText(text);
        }
      } else if (event.event === 'done') {
        try {
          return normaliseResponse(data);
        } catch {
          throw new ChatError('unavailable', 'unreadable response');
        }
      } else if (event.event === 'error') {
        const error = (data as { error?: { code?: string; message?: string } } | undefined)?.error;
        throw new ChatError('unavailable', error?.message ?? 'stream error', error?.code);
      }
    }
    return undefined;
  };
  for (;;) {
    const { value, done } = await reader.read();
    const finished = done ? handle([...parser.push(decoder.decode()), ...parser.flush()]) : handle(parser.push(decoder.decode(value, { stream: true })));
    if (finished) {
      void reader.cancel().catch(() => undefined);
      return finished;
    }
    if (done) throw new ChatError('unavailable', 'the answer stopped before it was complete');
  }
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}
