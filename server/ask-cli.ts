import { ConfigError } from '../ingest/config.js';
import { IndexError } from '../ingest/index-store.js';
import { answerChat } from './pipeline/answer-chat.js';
import { parseServerConfig } from './config.js';
import { createApp } from './app.js';
import type { ChatResponse, SearchResponse } from './contract.js';
import { createLogger } from './logger.js';
import { createRuntime } from './runtime.js';

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

const USAGE = 'Usage: npm run ask -- "your question" [--json] [--mode hybrid|lexical|vector]\n       npm run ask -- --search "words or a number" [--doc mo|mpo|dodi] [--json]';

/** `npm run ask -- "question"` answers with citations; `--search` lists ranked passages with their locators. */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const json = args.includes('--json');
  const lookup = args.includes('--search');
  const mode = valueOf('--mode');
  const doc = valueOf('--doc');
  const takenAsValues = new Set(['--mode', '--doc'].filter((flag) => args.includes(flag)).map((flag) => args.indexOf(flag) + 1));
  const question = args.filter((arg, index) => !arg.startsWith('--') && !takenAsValues.has(index)).join(' ').trim();
  if (!question || args.includes('--help')) {
    console.error(USAGE);
    return 2;
  }
  if (mode && !['hybrid', 'lexical', 'vector'].includes(mode)) {
    console.error('--mode must be hybrid, lexical or vector');
    return 2;
  }
  const runtime = await createRuntime({ config: parseServerConfig({ ...process.env, LUMEN_LOG: 'silent', LUMEN_RATE_LIMIT_PER_MINUTE: '0', LUMEN_LOOKUP_RATE_LIMIT_PER_MINUTE: '0' }) });
  if (lookup) {
    // The same ranking, snippets and validation as GET /api/search, without opening a port.
    const params = new URLSearchParams({ q: question, mode: mode ?? 'hybrid', limit: '5', ...(doc ? { doc } : {}) });
    const response = await createApp(runtime, { logger: createLogger({ mode: 'silent' }) }).request(`/api/search?${params}`);
    const body = (await response.json()) as SearchResponse | { error: { message: string } };
    if ('error' in body) {
      console.error(body.error.message);
      return 2;
    }
    console.log(json ? JSON.stringify(body, null, 2) : formatSearchForTerminal(body));
    return 0;
  }
  const response = await answerChat(runtime, { messages: [{ role: 'user', content: question }], retrievalMode: mode as 'hybrid' | undefined });
  console.log(json ? JSON.stringify(response, null, 2) : formatForTerminal(response));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof IndexError || error instanceof ConfigError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
