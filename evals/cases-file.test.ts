import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../ingest/config.js';
import { loadHotlines, loadSources, readDocument } from '../ingest/corpus.js';
import { parseDocument } from '../ingest/parse.js';
import type { Section } from '../ingest/types.js';
import { caseDocument, loadCases, parseCases } from './case-schema.js';
import { containsFact } from './text-terms.js';

// The cases are checked against the parsed documents, not the built index, so this runs on a fresh clone.
const corpusDir = join(PROJECT_ROOT, 'corpus');
const sections = new Map<string, Section>();
for (const source of loadSources(corpusDir)) {
  for (const section of parseDocument(source, readDocument(corpusDir, source)).sections) sections.set(section.id, section);
}
const cases = loadCases(join(PROJECT_ROOT, 'evals', 'cases-dev.jsonl'));

describe('evals/cases.jsonl', () => {
  it('has at least 90 cases covering every kind and all three documents', () => {
    expect(cases.length).toBeGreaterThanOrEqual(90);
    const kinds = new Set(cases.map((evalCase) => evalCase.kind));
    expect([...kinds].sort()).toEqual(['answerable', 'conflict', 'emergency', 'follow_up', 'not_found', 'out_of_scope']);
    const documents = new Set(cases.filter((evalCase) => evalCase.kind === 'answerable').map(caseDocument));
    expect([...documents].sort()).toEqual(['dodi', 'mo', 'mpo']);
    expect(new Set(cases.map((evalCase) => evalCase.persona))).toEqual(new Set(['survivor', 'staff']));
  });

  it('names only sections that exist in the parsed documents', () => {
    const unknown = cases.flatMap((evalCase) => evalCase.expect.sections.filter((id) => !sections.has(id)).map((id) => `${evalCase.id}: ${id}`));
    expect(unknown).toEqual([]);
  });

  it('takes every key fact verbatim (after normalising) from one of its expected sections', () => {
    const missing = cases.flatMap((evalCase) =>
      evalCase.expect.facts
        .filter((fact) =>
          evalCase.expect.sections.every((id) => {
            const section = sections.get(id);
            if (!section) return true;
            return !containsFact([section.title, section.text, section.locator, ...section.cites, ...section.blocks.map((block) => block.locator)].join('\n'), fact);
          }),
        )
        .map((fact) => `${evalCase.id}: "${fact}"`),
    );
    expect(missing).toEqual([]);
  });

  it('expects only hotline ids that exist in corpus/hotlines.json', () => {
    const known = new Set(loadHotlines(corpusDir).map((hotline) => hotline.id));
    const unknown = cases.flatMap((evalCase) => evalCase.expect.hotlines.filter((id) => !known.has(id)).map((id) => `${evalCase.id}: ${id}`));
    expect(unknown).toEqual([]);
  });

  it('does not copy document headings as questions', () => {
    const headings = new Set([...sections.values()].filter((section) => section.kind === 'question').map((section) => section.title.toLowerCase().trim()));
    const copied = cases.filter((evalCase) => evalCase.messages.some((message) => message.role === 'user' && headings.has(message.content.toLowerCase().trim())));
    expect(copied.map((evalCase) => evalCase.id)).toEqual([]);
  });
});

describe('case file validation', () => {
  const line = (value: unknown) => JSON.stringify(value);
  const valid = { id: 'x-1', kind: 'not_found', persona: 'staff', messages: [{ role: 'user', content: 'q' }], expect: { status: 'not_found', sections: [], facts: [], hotlines: ['ndvh'], notice: null } };

  it('names the line and the field of a bad case', () => {
    expect(() => parseCases(`${line(valid)}\n${line({ ...valid, id: 'x-2', expect: { ...valid.expect, hotlines: [] } })}`, 'cases.jsonl')).toThrow(
      /cases\.jsonl:2: .*hotlines that must appear/,
    );
    expect(() => parseCases(`${line(valid)}\n${line(valid)}`, 'cases.jsonl')).toThrow(/cases\.jsonl:2: duplicate case id "x-1"/);
    expect(() => parseCases('{oops', 'cases.jsonl')).toThrow(/cases\.jsonl:1: not valid JSON/);
    expect(() => parseCases(line({ ...valid, kind: 'conflict' }), 'c')).toThrow(/source_conflict notice/);
  });

  it('skips blank and comment lines', () => {
    expect(parseCases(`// a note\n\n${line(valid)}\n`)).toHaveLength(1);
  });
});
