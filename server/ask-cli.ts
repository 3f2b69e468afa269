import { ConfigError } from '../ingest/config.js';
import { IndexError } from '../ingest/index-store.js';
import { answerChat } from './answer/answer-chat.js';
import { parseServerConfig } from './config.js';
import type { ChatResponse } from './contract.js';
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

/** `npm run ask -- "question"` (add --json for the raw response, --mode lexical|vector|hybrid). */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const modeIndex = args.indexOf('--mode');
  const mode = modeIndex >= 0 ? args[modeIndex + 1] : undefined;
  const question = args.filter((arg, index) => !arg.startsWith('--') && (modeIndex < 0 || index !== modeIndex + 1)).join(' ').trim();
  if (!question) {
    console.error('Usage: npm run ask -- "your question" [--json] [--mode hybrid|lexical|vector]');
    return 2;
  }
  if (mode && !['hybrid', 'lexical', 'vector'].includes(mode)) {
    console.error('--mode must be hybrid, lexical or vector');
    return 2;
  }
  const runtime = await createRuntime({ config: parseServerConfig({ ...process.env, LUMEN_LOG: 'silent' }) });
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
