import { resolve } from 'node:path';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunkSections } from '../../ingest/chunk.js';
import { PROJECT_ROOT } from '../../ingest/config.js';
import { loadSources, readDocument } from '../../ingest/corpus.js';
import { readQuestionRecords } from '../../ingest/example-questions.js';
import { parseDocument } from '../../ingest/parse.js';
import type { Section } from '../../ingest/types.js';
import { createLexicalIndex, type LexicalItem } from './lexical-index.js';
import { referenceBase, STOPWORDS, stem, tokenize } from './terms.js';

const corpusDir = resolve(PROJECT_ROOT, 'corpus');

/** The MiniSearch configuration the lexical index replaced: the reference its scores must equal. */
function miniSearchReference(items: LexicalItem[], boost = { title: 0.3, refs: 1 }) {
  const processTerm = (term: string) => (STOPWORDS.has(term) ? null : /\d/.test(term) ? referenceBase(term) : term.length > 1 ? stem(term) : null);
  const vocabulary = new Set<string>();
  const search = new MiniSearch<LexicalItem & { id: number }>({
    fields: ['text', 'title', 'refs'],
    storeFields: [],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => {
      const processed = processTerm(term);
      if (processed) vocabulary.add(processed);
      return processed;
    },
    searchOptions: { processTerm },
  });
  search.addAll(items.map((item, index) => ({ ...item, id: index })));
  const docOf = items.map((item) => item.docId);
  return (query: string, options: { prefix?: boolean; fuzzy?: boolean; docId?: string } = {}) =>
    search
      .search(query, {
        boost,
        combineWith: 'OR',
        prefix: options.prefix ? (term) => term.length >= 3 : false,
        fuzzy: options.fuzzy === false ? false : (term) => (vocabulary.has(term) ? false : term.length >= 6 ? 0.2 : term.length >= 4 ? 1 : false),
        filter: options.docId ? (result) => docOf[result.id as number] === options.docId : undefined,
      })
      .map((hit) => ({ chunkIndex: hit.id as number, score: hit.score }));
}

/** Equal up to rounding, and in the same order wherever the scores differ (ties may come in either order). */
function expectSameRanking(actual: Array<{ chunkIndex: number; score: number }>, expected: Array<{ chunkIndex: number; score: number }>) {
  expect(actual.length).toBe(expected.length);
  const scoreOf = new Map(expected.map((hit) => [hit.chunkIndex, hit.score]));
  for (let at = 0; at < actual.length; at++) {
    expect(actual[at].score).toBeCloseTo(expected[at].score, 9);
    expect(scoreOf.get(actual[at].chunkIndex)).toBeCloseTo(actual[at].score, 9);
  }
}

describe('lexical index', () => {
  let items: LexicalItem[];
  let queries: string[];

  beforeAll(async () => {
    const sections: Section[] = [];
    for (const source of loadSources(corpusDir)) sections.push(...parseDocument(source, readDocument(corpusDir, source)).sections);
    const sectionById = new Map(sections.map((section) => [section.id, section]));
    const chunks = await chunkSections(sections);
    items = chunks.map((chunk) => {
      const section = sectionById.get(chunk.sectionId)!;
      return { text: chunk.indexText, title: section.title, refs: [chunk.locator, ...chunk.cites, section.id.replace(/^[a-z]+:/, '')].join(' '), docId: chunk.docId };
    });
    const asked = readQuestionRecords(corpusDir).flatMap((record) => record.questions);
    // Every 7th curated question, plus misspellings, repeated words, references and words the documents never use.
    queries = [
      ...asked.filter((_, index) => index % 7 === 0),
      'protecton ordr survivr harrassment',
      'order order order of protection',
      'MO ST § 455.040 how long',
      'para 3.5.d.(3) DD form 2873',
      'qwertyuiop zzzz',
      '',
    ];
  }, 60_000);

  it('scores every query as the MiniSearch BM25 it replaced did, to the ninth decimal', () => {
    const index = createLexicalIndex({ items });
    const reference = miniSearchReference(items);
    expect(queries.length).toBeGreaterThan(150);
    for (const query of queries) expectSameRanking(index.search(query, { limit: 10_000 }), reference(query));
  });

  it('matches it too with prefixes (as-you-type), without typo tolerance, and within one document', () => {
    const index = createLexicalIndex({ items });
    const reference = miniSearchReference(items);
    for (const query of ['ex part', 'stalk', 'Family Advoc', 'commande', 'renew', '455.04', 'firearm']) {
      expectSameRanking(index.search(query, { prefix: true, limit: 10_000 }), reference(query, { prefix: true }));
    }
    for (const query of queries.slice(0, 40)) {
      expectSameRanking(index.search(query, { fuzzy: false, limit: 10_000 }), reference(query, { fuzzy: false }));
      expectSameRanking(index.search(query, { docId: 'dodi', limit: 10_000 }), reference(query, { docId: 'dodi' }));
    }
  });

  it('returns the first k of the full ranking for any limit, with the same order among equal scores', () => {
    const index = createLexicalIndex({ items });
    for (const query of queries.slice(0, 60)) {
      const full = index.search(query, { limit: 10_000 });
      for (const limit of [1, 5, 80]) expect(index.search(query, { limit })).toEqual(full.slice(0, limit));
      // The index's reused scratch arrays leave nothing behind: the same search again gives the same answer.
      expect(index.search(query, { limit: 10_000, docId: 'dodi' })).toEqual(index.search(query, { limit: 10_000, docId: 'dodi' }));
    }
  });

  it('finds a misspelt word the documents use, and nothing for words they never use', () => {
    const index = createLexicalIndex({ items });
    const misspelt = index.search('harrassment', { limit: 5 });
    expect(misspelt.length).toBeGreaterThan(0);
    expect(items[misspelt[0].chunkIndex].text.toLowerCase()).toContain('harass');
    expect(index.search('qwertyuiop', { limit: 5 })).toEqual([]);
    expect(index.search('harrassment', { fuzzy: false, limit: 5 })).toEqual([]);
  });
});
