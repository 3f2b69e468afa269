import { beforeAll, describe, expect, it } from 'vitest';
import type { Section } from '../../ingest/types.js';
import type { SearchIndex } from '../retrieve/search-index.js';
import type { Runtime } from '../runtime.js';
import { getTestRuntime } from '../testing/test-runtime.js';
import { DEFAULT_PARAMS } from './params.js';
import { renderPassages } from './render.js';
import { leansOnPrevious, selectPassages } from './select-passages.js';
import type { Candidate, QueryPlan } from './types.js';

describe('leansOnPrevious', () => {
  it('reads an opening pronoun or connective as leaning on the sentence before', () => {
    expect(leansOnPrevious('However, you may be able to reapply in the new state.', 0)).toBe(true);
    expect(leansOnPrevious('They may ask the court for a hearing.', 0)).toBe(true);
    expect(leansOnPrevious('This applies to all of these documents:', 0)).toBe(true);
  });

  it('reads a sentence that points back at "this notification" or "these standards" as leaning, wherever the words stand', () => {
    expect(leansOnPrevious('Ask the clerk for information on how to get this notification.', 0)).toBe(true);
    expect(leansOnPrevious('To have someone read over your order and tell you if it meets these standards, contact a lawyer.', 0)).toBe(true);
  });

  it('does not read the documents naming themselves, or "such as", as pointing back', () => {
    expect(leansOnPrevious('Commanders will comply with the procedures in this instruction.', 0)).toBe(false);
    expect(leansOnPrevious('Read the other questions on this page.', 0)).toBe(false);
    expect(leansOnPrevious('Other military and civilian support services such as:', 0)).toBe(false);
    expect(leansOnPrevious('An ex parte order can be enforced in other states.', 0)).toBe(false);
  });

  it('leaves list items to their own lead-in', () => {
    expect(leansOnPrevious('whether the abuser violated a prior order, especially those parts about contact;', 1)).toBe(false);
  });
});

describe('selectPassages on the real index', () => {
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = await getTestRuntime();
  }, 600_000);

  const plan = (text: string): QueryPlan => ({ messages: [{ role: 'user', content: text }], latest: text, context: '', text, focus: text, terms: [], references: [], otherPlaces: [], compares: false, unknownShare: 0 });
  const candidate = (index: SearchIndex, section: Section, chunkIndex: number): Candidate => ({ section, score: 1, units: [{ chunkIndex, unit: index.chunks[chunkIndex], score: 1, lexical: 1, similarity: 1 }], similarity: 1, questionSimilarity: 0 });

  it('quotes every DoDI lead-in with items from its sub-paragraphs, each cited by its own paragraph, within the word budget', () => {
    const index = runtime.snapshot.search;
    const leadIns = index.sections.filter((section) => {
      const positions = index.chunkIndexesBySection.get(section.id) ?? [];
      return section.docId === 'dodi' && positions.length > 0 && index.chunks[positions[positions.length - 1]].leadIn;
    });
    expect(leadIns.length).toBeGreaterThan(20);
    for (const section of leadIns) {
      const positions = index.chunkIndexesBySection.get(section.id)!;
      const last = positions[positions.length - 1];
      const passages = selectPassages({ plan: plan(index.chunks[last].text), candidates: [candidate(index, section, last)], index, sourceById: runtime.snapshot.sourceById, params: DEFAULT_PARAMS.compose });
      expect(passages[0].section.id, section.id).toBe(section.id);
      const items = passages.filter((passage) => passage.item);
      expect(items.length, `${section.id} lost its items`).toBeGreaterThan(0);
      for (const item of items) expect(item.section.id.startsWith(`${section.id}.`)).toBe(true);
      const words = passages.flatMap((passage) => passage.units).reduce((sum, unit) => sum + unit.text.split(/\s+/).length, 0);
      // A long list is cut to what fits (the budget, or one item when even that does not).
      const firstItem = items[0].units[0].text.split(/\s+/).length;
      expect(words, section.id).toBeLessThanOrEqual(Math.max(DEFAULT_PARAMS.compose.maxWords, firstItem + passages[0].units.reduce((sum, unit) => sum + unit.text.split(/\s+/).length, 0)));
    }
  });

  it('shows items as bullets under the lead-in, with no preamble of their own', () => {
    const index = runtime.snapshot.search;
    const section = index.sectionById.get('dodi:6.1.d')!;
    const positions = index.chunkIndexesBySection.get(section.id)!;
    const passages = selectPassages({ plan: plan('dependents only'), candidates: [candidate(index, section, positions[positions.length - 1])], index, sourceById: runtime.snapshot.sourceById, params: DEFAULT_PARAMS.compose });
    const { answer, citations } = renderPassages(passages, runtime.snapshot.sourceById);
    const lines = answer.split('\n');
    expect(lines[0]).toMatch(/^Under DoDI 6400\.06 .*request that: \[1\]$/);
    expect(lines.slice(1).every((line) => line.startsWith('• ') && !line.includes('Under DoDI'))).toBe(true);
    expect(citations.map((citation) => citation.sectionId)).toEqual(['dodi:6.1.d', 'dodi:6.1.d.(1)', 'dodi:6.1.d.(2)']);
  });
});
