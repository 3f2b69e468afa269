import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './config.js';
import { loadSources } from './corpus.js';
import { parseDocument } from './parse.js';
import type { ParsedDocument, Section } from './types.js';

const corpusDir = join(PROJECT_ROOT, 'corpus');
const sources = loadSources(corpusDir);
const parsed = new Map<string, ParsedDocument>(
  sources.map((source) => [source.id, parseDocument(source, readFileSync(join(corpusDir, source.file), 'utf8'))]),
);
const mo = parsed.get('mo')!;
const mpo = parsed.get('mpo')!;
const dodi = parsed.get('dodi')!;

/** The block (sentence or bullet) whose text contains a phrase. */
function blockWith(sections: Section[], phrase: string) {
  for (const section of sections) {
    const block = section.blocks.find((candidate) => candidate.text.includes(phrase));
    if (block) return { section, block };
  }
  throw new Error(`no block contains "${phrase}"`);
}

describe('WomensLaw Missouri Q&A', () => {
  const raw = readFileSync(join(corpusDir, 'womenslaw-missouri-restraining-orders.txt'), 'utf8');
  // Question headings in the raw file: lines ending in "?" that stand alone, plus the "Step N:" headings.
  const rawQuestions = raw
    .split('\n')
    .map((line) => line.replace(/\u00a0/g, ' ').trim())
    .filter((line) => (line.endsWith('?') && line.length < 140 && !/\b(see|in) How\b/.test(line)) || /^Step \d+:/.test(line));

  it('makes every question its own section, in order', () => {
    const normalise = (text: string) => text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ');
    expect(mo.sections.map((section) => section.title)).toEqual(rawQuestions.map(normalise));
    expect(mo.sections.length).toBe(45);
  });

  it('gives each question its group heading path', () => {
    const byTitle = (title: string) => mo.sections.find((section) => section.title === title)!;
    expect(byTitle('What types of orders of protection are there? How long do they last?').path).toEqual([
      'Orders of Protection due to Domestic Violence',
      'Basic information',
      'What types of orders of protection are there? How long do they last?',
    ]);
    expect(byTitle('Can the abuser have a gun?').path.slice(0, 2)).toEqual(['Orders of Protection due to Domestic Violence', 'After the hearing']);
    expect(byTitle('What is the definition of stalking in Missouri?').path.slice(0, 2)).toEqual([
      'Orders of Protection due to Stalking or Sexual Assault',
      'Basic info and definitions',
    ]);
    expect(byTitle('How do I register my protection order in Missouri?').path.slice(0, 2)).toEqual([
      'Enforcing Your Out-of-State Order in Missouri',
      'Registering your out-of-state order in Missouri',
    ]);
  });

  it('attaches statute references to the sentence or bullet they follow', () => {
    expect(blockWith(mo.sections, 'which usually takes place within 15 days').block.cites).toEqual(['MO ST § 455.040(1), (4)']);
    expect(blockWith(mo.sections, 'receive a notification when the ex parte order is served').block.cites).toEqual(['MO ST § 455.038']);
    expect(blockWith(mo.sections, 'Law enforcement personnel will also enter any protection orders into the Missouri Uniform').block.cites).toEqual([
      'MO ST § 455.040(3)',
    ]);
    expect(blockWith(mo.sections, 'Ex parte is Latin').block.locator).toBe('MO ST § 455.035(1)');
    // A sentence without its own marker borrows the reference at the end of its list.
    expect(blockWith(mo.sections, 'it will usually last for a period of time between 180 days and one year').block.locator).toBe('MO ST § 455.040(1), (4)');
    expect(blockWith(mo.sections, 'An order of protection is good anywhere in the United States').section.cites).toContain('18 U.S.C. § 2265(a) & (b)');
  });

  it('removes footnote markers and normalises spaces and quotes', () => {
    for (const section of mo.sections) {
      expect(section.text).not.toMatch(/[\u00a0\u2018\u2019\u201c\u201d]/);
      expect(section.text).not.toMatch(/[a-z.;]\d\s*$/m);
    }
    expect(blockWith(mo.sections, 'within 15 days').block.text.endsWith('within 15 days.')).toBe(true);
  });

  it('keeps bullet structure', () => {
    const block = blockWith(mo.sections, 'order the abuser to pay child support').block;
    expect(block.depth).toBe(2);
    expect(block.marker).toBe('•');
  });

  it('marks the repeated stalking answers as duplicates of the domestic violence ones', () => {
    const twin = mo.sections.find((section) => section.title.startsWith('What protections can I get in an order of protection due to stalking'))!;
    expect(twin.duplicateOf).toBe(mo.sections.find((section) => section.title.startsWith('What protections can I get in an order of protection due to domestic'))!.id);
  });
});

describe('WomensLaw MPO page', () => {
  it('is one question with its star notes resolved', () => {
    expect(mpo.sections).toHaveLength(1);
    const [section] = mpo.sections;
    expect(section.title).toBe('What is a military protective order (MPO)?');
    expect(section.text).not.toContain('*');
    expect(blockWith(mpo.sections, 'When the Service member is transferred to a new command').block.locator).toContain('Incorporating Change 1, September 20, 2011');
    expect(blockWith(mpo.sections, 'Commanders may tailor the order').block.cites[0]).toContain('Battered Women');
  });
});

describe('DoD Instruction 6400.06', () => {
  it('drops page headers, running titles and the table of contents from every section', () => {
    for (const section of dodi.sections) {
      expect(section.text).not.toMatch(/DoDI 6400\.06, December 15, 2021|Change 3, July 11, 2024|\.{5,}|TABLE OF CONTENTS/);
      expect(section.text).not.toMatch(/SECTION \d+: [A-Z ]+ \d+\b/);
      expect(section.text).not.toMatch(/^(GLOSSARY|REFERENCES) \d+$/m);
    }
  });

  it('locates the DD Form 2873-1 cancellation rule at para. 3.5.d.(3)(g), p. 41', () => {
    const { section, block } = blockWith(dodi.sections, 'Use DD Form 2873-1 to cancel the MPO');
    expect(section.id).toBe('dodi:3.5.d.(3)');
    expect(section.locator).toBe('para. 3.5.d.(3), p. 40');
    expect(block.locator).toBe('para. 3.5.d.(3)(g), p. 41');
    expect(section.path).toEqual([
      'Section 3: Responsibilities and Procedures for Addressing Domestic Abuse',
      '3.5. Commanders',
      'd. MPO',
      '(3) Use DD Form 2873 to issue an MPO',
    ]);
  });

  it('joins wrapped lines across page breaks, keeping real hyphens', () => {
    expect(blockWith(dodi.sections, 'annotate the information on the DD Form 2873-1, that the MPO was input').block.locator).toBe('para. 3.5.d.(3)(h), p. 41');
    expect(blockWith(dodi.sections, 'Contact the gaining command within 7 calendar days').section.id).toBe('dodi:3.5.d.(4)');
    expect(dodi.sections.some((section) => section.text.includes('imminent danger of life-threatening'))).toBe(true);
  });

  it('makes each glossary definition a section and extracts the acronym table', () => {
    const mpoDefinition = dodi.sections.find((section) => section.id === 'dodi:G.2/mpo')!;
    expect(mpoDefinition.kind).toBe('definition');
    expect(mpoDefinition.text).toMatch(/^An order, issued by a commander, using a DD Form 2873/);
    expect(mpoDefinition.locator).toBe('Glossary, G.2 "MPO", p. 83');
    expect(dodi.sections.find((section) => section.id === 'dodi:G.2/civilian-protection-order')?.title).toBe('civilian protection order');
    const acronyms = new Map(dodi.acronyms.map((entry) => [entry.acronym, entry.meaning]));
    expect(acronyms.get('CPO')).toBe('civil protection order');
    expect(acronyms.get('DAVA')).toBe('domestic abuse victim advocate');
    expect(acronyms.get('FAP')).toBe('Family Advocacy Program');
    // The instruction's own table says "protection", as does DD Form 2873's title.
    expect(acronyms.get('MPO')).toBe('military protection order');
    expect(acronyms.get('PCS')).toBe('permanent change of station');
    expect(acronyms.get('DASD(MC&FP)')).toBe('Deputy Assistant Secretary of Defense for Military Community and Family Policy');
    for (const key of ['LEA', 'MCIO', 'SARC', 'NCIC']) expect(acronyms.has(key)).toBe(true);
  });

  it('gives every section a unique id', () => {
    const all = [...parsed.values()].flatMap((document) => document.sections.map((section) => section.id));
    expect(new Set(all).size).toBe(all.length);
  });
});
