import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndex } from '../../ingest/build.js';
import type { IngestConfig } from '../../ingest/config.js';
import { createEmbedder } from '../../ingest/embedders/create-embedder.js';
import { timed } from './stats.js';

const MISSOURI_FILE = 'womenslaw-missouri-restraining-orders.txt';

export interface IngestBenchResult {
  encoderLoadMs: number;
  sections: number;
  chunks: number;
  full: { ms: number; embedded: number };
  incremental: { ms: number; embedded: number; reused: number; changedSections: number };
}

/** Changes one sentence inside a section of the Missouri document (not the preamble, which no section holds). */
export function editOneSentence(corpusDir: string, marker: string): void {
  const file = join(corpusDir, MISSOURI_FILE);
  const text = readFileSync(file, 'utf8');
  const sentence = text.slice(text.indexOf('?\n')).match(/[^.\n?]{40,}\./)?.[0];
  if (!sentence) throw new Error(`no sentence to edit in ${file}`);
  writeFileSync(file, text.replace(sentence, `${sentence.slice(0, -1)} (${marker}).`));
}

/**
 * Builds the index from a copy of the corpus into an empty data dir (every chunk embedded), then edits
 * one sentence and rebuilds with the warm embedding cache. Returns the config of the built index.
 */
export async function benchIngest(options: { config: IngestConfig; workDir: string }): Promise<{ result: IngestBenchResult; config: IngestConfig }> {
  const config: IngestConfig = { ...options.config, corpusDir: join(options.workDir, 'corpus'), dataDir: join(options.workDir, 'data') };
  cpSync(options.config.corpusDir, config.corpusDir, { recursive: true });
  const embedder = createEmbedder(config.embedder);
  // Loading the model is a one-off per process; timed apart so the build times are about the corpus.
  const encoderLoad = await timed(() => embedder.embedQuery('warm up the encoder'));
  const full = await timed(() => buildIndex({ config, embedder }));
  editOneSentence(config.corpusDir, 'benchmark edit');
  const incremental = await timed(() => buildIndex({ config, embedder }));
  const changes = incremental.value.changes;
  return {
    config,
    result: {
      encoderLoadMs: Math.round(encoderLoad.ms),
      sections: full.value.manifest.counts.sections,
      chunks: full.value.manifest.counts.chunks,
      full: { ms: Math.round(full.ms), embedded: full.value.embedded },
      incremental: {
        ms: Math.round(incremental.ms),
        embedded: incremental.value.embedded,
        reused: incremental.value.reused,
        changedSections: changes.added.length + changes.removed.length + changes.changed.length,
      },
    },
  };
}
