// `npm run ask`: the terminal lookup for hotline staff. It asks the running Lumen server (fast: no model or
// index to load), and loads the index itself only when no server answers at the default address.
// Only type imports at the top: the server path must not pay for loading the encoder.
import type { ChatResponse, SearchResponse } from './contract.js';

/** The local server `npm start` runs; LUMEN_ASK_URL points the lookup elsewhere by default. */
export const DEFAULT_URL = process.env.LUMEN_ASK_URL || 'http://127.0.0.1:8787';

/** Formats an answer for a terminal: the text, then numbered citations with their locators, then hotlines. */
export function formatForTerminal(response: ChatResponse): string {
  const lines = [`[${response.status}]`, '', response.answer, ''];
  for (const citation of response.citations) {
    lines.push(`[${citation.n}] ${citation.locator}`);
    lines.push(`    ${citation.sectionPath.join(' > ')}`);
    lines.push(`    "${citation.quote.length > 300 ? `${citation.quote.slice(0, 297)}...` : citation.quote}"`);
  }
  for (const notice of response.notices) lines.push('', `Note (${notice.kind}): ${notice.message}`);
  if (response.hotlines.length > 0) {
    lines.push('', 'Help:');
    for (const hotline of response.hotlines) lines.push(`  ${hotline.name}${hotline.phone ? `: ${hotline.phone}` : ''}${hotline.text ? ` (${hotline.text})` : ''}`);
  }
  lines.push('', response.disclaimer);
  return lines.join('\n');
}

/** Formats staff-lookup results: rank, locator, where in the document, and the matching passage. */
export function formatSearchForTerminal(response: SearchResponse): string {
  if (response.results.length === 0) return 'No passage matches. Try other words, a statute number (455.040) or a paragraph (3.5.d).';
  return response.results
    .map((result) => [`${result.rank}. ${result.locator}`, `   ${result.sectionPath.join(' > ')}`, `   ${result.snippet}`, `   id: ${result.sectionId}`].join('\n'))
    .join('\n\n');
}

const USAGE = [
  'Usage: npm run ask -- "your question" [--json] [--mode hybrid|lexical|vector]',
  '       npm run ask -- --search "words or a number" [--doc mo|mpo|dodi] [--mode instant|hybrid|lexical|vector] [--json]',
  `Asks the Lumen server at --url (default ${DEFAULT_URL}); with no server there, loads the index here (a second`,
  'or two). --url given: that server only. --local: never ask a server.',
  '       npm run ask -- --explain "your question"   the answer and what each pipeline stage did (runs here, locally)',
].join('\n');

/** What one lookup needs, whoever answers it. */
interface Lookup {
  question: string;
  search: boolean;
  mode?: string;
  doc?: string;
}

type Outcome = { ok: true; body: ChatResponse | SearchResponse } | { ok: false; message: string; exitCode: number };

/** The server could not be reached at all (nothing listening, DNS, timeout): a reason to load locally. */
class Unreachable extends Error {}

async function askServer(baseUrl: string, lookup: Lookup): Promise<Outcome> {
  const base = baseUrl.replace(/\/+$/, '');
  let response: Response;
  try {
    if (lookup.search) {
      const params = new URLSearchParams({ q: lookup.question, mode: lookup.mode ?? 'hybrid', limit: '5', ...(lookup.doc ? { doc: lookup.doc } : {}) });
      response = await fetch(`${base}/api/search?${params}`, { signal: AbortSignal.timeout(30_000) });
    } else {
      response = await fetch(`${base}/api/chat`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ messages: [{ role: 'user', content: lookup.question }], ...(lookup.mode ? { retrievalMode: lookup.mode } : {}) }),
        signal: AbortSignal.timeout(30_000),
      });
    }
  } catch (error) {
    throw new Unreachable((error as Error).cause ? String(((error as Error).cause as Error).message ?? (error as Error).cause) : (error as Error).message);
  }
  const body = (await response.json().catch(() => undefined)) as ChatResponse | SearchResponse | { error?: { message?: string } } | undefined;
  if (!body || typeof body !== 'object') throw new Unreachable(`${base} answered ${response.status} without JSON; is it a Lumen server?`);
  if ('error' in body && body.error) return { ok: false, message: body.error.message ?? `HTTP ${response.status}`, exitCode: response.status >= 500 || response.status === 429 ? 1 : 2 };
  if (!response.ok) return { ok: false, message: `HTTP ${response.status}`, exitCode: 1 };
  return { ok: true, body: body as ChatResponse | SearchResponse };
}

/** The same answer in this process: loads the configuration, the index and the encoder first. */
async function askLocally(lookup: Lookup): Promise<Outcome> {
  const [{ parseServerConfig }, { createRuntime }] = await Promise.all([import('./config.js'), import('./runtime.js')]);
  const config = parseServerConfig({ ...process.env, LUMEN_LOG: 'silent', LUMEN_RATE_LIMIT_PER_MINUTE: '0', LUMEN_LOOKUP_RATE_LIMIT_PER_MINUTE: '0', LUMEN_REDIS_URL: undefined });
  const runtime = await createRuntime({ config });
  if (lookup.search) {
    // The same ranking, snippets and validation as GET /api/search, without opening a port.
    const [{ Hono }, { createSearchRoutes }, { createErrorHandler }, { createLogger }] = await Promise.all([
      import('hono'),
      import('./routes/search.js'),
      import('./errors.js'),
      import('./logger.js'),
    ]);
    const logger = createLogger({ mode: 'silent' });
    const app = new Hono().route('/api/search', createSearchRoutes(runtime, logger));
    app.onError(createErrorHandler(logger));
    const params = new URLSearchParams({ q: lookup.question, mode: lookup.mode ?? 'hybrid', limit: '5', ...(lookup.doc ? { doc: lookup.doc } : {}) });
    const response = await app.request(`/api/search?${params}`);
    const body = (await response.json()) as SearchResponse | { error: { message: string } };
    return 'error' in body ? { ok: false, message: body.error.message, exitCode: 2 } : { ok: true, body };
  }
  const { answerChat } = await import('./pipeline/answer-chat.js');
  const body = await answerChat(runtime, { messages: [{ role: 'user', content: lookup.question }], retrievalMode: lookup.mode as 'hybrid' | undefined });
  return { ok: true, body };
}

/** Prints the answer, then each stage's trace: what was understood, retrieved, judged and rendered. */
async function explain(lookup: Lookup): Promise<number> {
  const [{ parseServerConfig }, { createRuntime }, { runChat }] = await Promise.all([import('./config.js'), import('./runtime.js'), import('./pipeline/answer-chat.js')]);
  const runtime = await createRuntime({ config: parseServerConfig({ ...process.env, LUMEN_WATCH_INDEX: 'false', LUMEN_LOG: 'silent' }) });
  const run = await runChat(runtime, { messages: [{ role: 'user', content: lookup.question }], retrievalMode: lookup.mode as 'hybrid' | undefined });
  console.log(formatForTerminal(run.response));
  console.log('\nHow it was answered:');
  for (const entry of run.trace) console.log(`- ${entry.stage} (${entry.milliseconds} ms): ${JSON.stringify(entry.detail, null, 2).replace(/\n/g, '\n  ')}`);
  return 0;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const valueFlags = ['--mode', '--doc', '--url'];
  const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const json = args.includes('--json');
  const takenAsValues = new Set(valueFlags.filter((flag) => args.includes(flag)).map((flag) => args.indexOf(flag) + 1));
  const lookup: Lookup = {
    question: args.filter((arg, index) => !arg.startsWith('--') && !takenAsValues.has(index)).join(' ').trim(),
    search: args.includes('--search'),
    mode: valueOf('--mode'),
    doc: valueOf('--doc'),
  };
  if (!lookup.question || args.includes('--help')) {
    console.error(USAGE);
    return 2;
  }
  const modes = lookup.search ? ['instant', 'hybrid', 'lexical', 'vector'] : ['hybrid', 'lexical', 'vector'];
  if (lookup.mode && !modes.includes(lookup.mode)) {
    console.error(`--mode must be ${modes.slice(0, -1).join(', ')} or ${modes[modes.length - 1]}`);
    return 2;
  }
  const explicitUrl = valueOf('--url');
  if (args.includes('--url') && !explicitUrl?.match(/^https?:\/\//)) {
    console.error('--url must be an http:// or https:// address, e.g. --url http://127.0.0.1:8787');
    return 2;
  }

  // The trace is the pipeline's own record; a server does not send it, so --explain runs the pipeline here.
  if (args.includes('--explain')) return explain(lookup);
  let outcome: Outcome | undefined;
  if (!args.includes('--local')) {
    try {
      outcome = await askServer(explicitUrl ?? DEFAULT_URL, lookup);
    } catch (error) {
      if (!(error instanceof Unreachable)) throw error;
      if (explicitUrl) {
        console.error(`No Lumen server answered at ${explicitUrl} (${error.message}).`);
        return 1;
      }
      console.error(`No Lumen server at ${DEFAULT_URL}; loading the index here, which takes a second or two (\`npm start\` makes lookups instant).`);
    }
  }
  outcome ??= await askLocally(lookup);
  if (!outcome.ok) {
    console.error(outcome.message);
    return outcome.exitCode;
  }
  if (json) console.log(JSON.stringify(outcome.body, null, 2));
  else console.log(lookup.search ? formatSearchForTerminal(outcome.body as SearchResponse) : formatForTerminal(outcome.body as ChatResponse));
  return 0;
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    // Known startup failures (no index, bad configuration) are explained in one line; anything else in full.
    const [{ ConfigError }, { IndexError }] = await Promise.all([import('../ingest/config.js'), import('../ingest/index-store.js')]);
    if (error instanceof IndexError || error instanceof ConfigError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
