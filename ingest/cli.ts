import { ConfigError, parseIngestConfig } from './config.js';
import { CorpusError } from './corpus.js';
import { buildIndex, staleReason } from './build.js';

/** `npm run ingest [-- --check]`: builds the index, or with --check exits 1 when it is stale. */
async function main(): Promise<number> {
  const config = parseIngestConfig(process.env);
  if (process.argv.includes('--check')) {
    const reason = staleReason(config);
    if (reason) {
      console.error(`The index is stale: ${reason}. Run "npm run ingest".`);
      return 1;
    }
    console.log('The index is up to date.');
    return 0;
  }
  const interactive = process.stderr.isTTY;
  const summary = await buildIndex({
    config,
    onProgress: ({ done, total }) => {
      const line = `Embedding ${done}/${total} passages and example questions`;
      if (interactive) process.stderr.write(`\r${line}`);
      else if (done === total || done % 256 === 0) process.stderr.write(`${line}\n`);
    },
  });
  if (interactive) process.stderr.write('\n');
  const { manifest, changes } = summary;
  console.log(`Built index ${manifest.buildId} in ${(summary.milliseconds / 1000).toFixed(1)} s (${summary.embedded} chunks embedded, ${summary.reused} reused from cache)`);
  console.log(`Embedder: ${manifest.embedder.id} (${manifest.embedder.dimensions} dimensions)`);
  for (const document of manifest.corpus.documents) {
    console.log(`  ${document.id.padEnd(6)} ${String(document.sections).padStart(4)} sections ${String(document.chunks).padStart(5)} chunks  ${document.file}`);
  }
  const list = (label: string, ids: string[]) => {
    if (ids.length === 0) return;
    console.log(`${label} (${ids.length}):`);
    for (const id of ids.slice(0, 40)) console.log(`  ${id}`);
    if (ids.length > 40) console.log(`  ... and ${ids.length - 40} more`);
  };
  if (changes.added.length + changes.removed.length + changes.changed.length === 0) console.log('No sections changed since the last build.');
  list('Sections added', changes.added);
  list('Sections removed', changes.removed);
  list('Sections changed', changes.changed);
  const review = summary.questionReview;
  console.log(`Example questions: ${manifest.counts.questions}`);
  list('Example questions to review: their section changed', review.sectionChanged);
  list('Example questions dropped: their section no longer exists', review.vanished.map((entry) => `${entry.file}:${entry.line} ${entry.sectionId}`));
  list('Example questions kept without their point: the quoted sentence was not found', review.pointNotFound.map((entry) => `${entry.file}:${entry.line} ${entry.sectionId} "${entry.point}"`));
  console.log(`Index written to ${summary.directory}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CorpusError || error instanceof ConfigError) {
      console.error(`Ingest stopped; the previous index is unchanged.\n${error.message}`);
    } else {
      console.error('Ingest failed; the previous index is unchanged.', error);
    }
    process.exit(1);
  },
);
