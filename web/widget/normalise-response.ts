import type { AnswerStatus, ChatResponse, Citation, Hotline, Notice } from '../shared/types.js';

const STATUSES: AnswerStatus[] = ['answered', 'not_found', 'out_of_scope', 'emergency'];

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => !!item && typeof item === 'object') : [];

/**
 * Reads a response object defensively: a missing field must degrade to "no
 * citations" or "no notices", never to a broken panel in front of someone in crisis.
 */
export function normaliseResponse(raw: unknown): ChatResponse {
  if (!raw || typeof raw !== 'object') throw new Error('response is not an object');
  const body = raw as Record<string, unknown>;
  // An object with no known status and no answer text is not a reply ({"hello":"world"}): say so, never show an empty bubble.
  const known = STATUSES.includes(body.status as AnswerStatus);
  if (!text(body.answer).trim() && body.status !== 'emergency') throw new Error('response has no answer');
  const status = known ? (body.status as AnswerStatus) : 'not_found';
  const citations: Citation[] = list(body.citations).map((item) => ({
    n: Number(item.n),
    docId: text(item.docId),
    docTitle: text(item.docTitle),
    sectionId: text(item.sectionId),
    sectionPath: Array.isArray(item.sectionPath) ? item.sectionPath.map(text) : [],
    locator: text(item.locator),
    quote: text(item.quote),
    url: text(item.url),
    asOf: typeof item.asOf === 'string' && item.asOf ? item.asOf : null,
    asOfNote: text(item.asOfNote) || undefined,
  }));
  const hotlines: Hotline[] = list(body.hotlines)
    .filter((item) => typeof item.name === 'string')
    .map((item) => ({
      id: text(item.id) || undefined,
      name: text(item.name),
      phone: text(item.phone) || null,
      text: text(item.text) || null,
      url: text(item.url) || null,
      chat: text(item.chat) || null,
      tty: text(item.tty) || null,
      when: text(item.when) || null,
    }));
  const notices: Notice[] = list(body.notices)
    .filter((item) => typeof item.message === 'string')
    .map((item) => ({ kind: text(item.kind) || 'note', message: text(item.message) }));
  const disclaimer = text(body.disclaimer) || undefined;
  const related = list(body.related)
    .map((item) => ({ question: text(item.question).trim(), sectionId: text(item.sectionId) }))
    .filter((item) => item.question.length > 0 && item.question.length <= 200)
    .slice(0, 4);
  return { status, answer: text(body.answer), citations: citations.filter((c) => Number.isFinite(c.n)), hotlines, notices, disclaimer, related };
}
