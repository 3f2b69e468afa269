// Shapes of the public HTTP contract (shared/DESIGN.md) as the browser sees them.

/** One chat turn as sent to POST /api/chat. */
export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

export type AnswerStatus = 'answered' | 'not_found' | 'out_of_scope' | 'emergency';

export interface Citation {
  n: number;
  docId: string;
  docTitle: string;
  sectionId: string;
  sectionPath: string[];
  locator: string;
  quote: string;
  url: string;
  asOf: string | null;
  /** Words about the date, e.g. "effective December 15, 2021; Change 3 effective July 11, 2024". */
  asOfNote?: string;
}

export interface Hotline {
  id?: string;
  name: string;
  phone?: string | null;
  text?: string | null;
  url?: string | null;
  chat?: string | null;
  tty?: string | null;
  when?: string | null;
}

export interface Notice {
  kind: string;
  message: string;
}

/** A follow-up question the server suggests, asked by tapping it. */
export interface RelatedQuestion {
  question: string;
  sectionId: string;
}

export interface ChatResponse {
  status: AnswerStatus;
  answer: string;
  citations: Citation[];
  hotlines: Hotline[];
  notices: Notice[];
  disclaimer?: string;
  related: RelatedQuestion[];
}

export interface SearchResult {
  rank: number;
  sectionId: string;
  docId: string;
  docTitle: string;
  docShortTitle?: string;
  sectionPath: string[];
  title: string;
  locator: string;
  snippet: string;
  score: number;
  url: string;
  asOf: string | null;
}

export interface SearchResponse {
  query: string;
  results: SearchResult[];
}

export interface SectionBlock {
  text: string;
  depth: number;
  locator: string;
  page?: number;
  heading?: boolean;
}

export interface SectionPayload {
  id: string;
  docId: string;
  docTitle: string;
  /** Short name from sources.json ("DoDI 6400.06"). */
  shortTitle?: string;
  path: string[];
  title: string;
  text: string;
  locator: string;
  url: string;
  asOf: string | null;
  asOfNote?: string;
  blocks?: SectionBlock[];
}

/** The error body every 4xx/5xx carries. */
export interface ErrorBody {
  error: { code: string; message: string };
}
