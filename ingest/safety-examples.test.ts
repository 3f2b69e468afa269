import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CorpusError } from './corpus.js';
import { loadSafetyExamples, parseSafetyExamples } from './safety-examples.js';

const line = (value: object) => JSON.stringify(value);

describe('loadSafetyExamples', () => {
  it('loads the shipped examples: at least 450, with a test split of the size the issue asks for', () => {
    const examples = loadSafetyExamples(fileURLToPath(new URL('../corpus', import.meta.url)));
    expect(examples.length).toBeGreaterThanOrEqual(450);
    const test = (level: string) => examples.filter((example) => example.split === 'test' && example.level === level).length;
    expect(test('danger_now')).toBeGreaterThanOrEqual(25);
    expect(test('self_harm')).toBeGreaterThanOrEqual(12);
    expect(test('fear')).toBeGreaterThanOrEqual(20);
    expect(test('disclosure')).toBeGreaterThanOrEqual(30);
    expect(test('none')).toBeGreaterThanOrEqual(50);
  });

  it('names the file and line of a bad level, a missing split, an unknown field, bad JSON and a repeated text', () => {
    const text = [
      line({ text: 'fine', level: 'none', split: 'dev' }),
      line({ text: 'bad level', level: 'panic', split: 'dev' }),
      line({ text: 'no split', level: 'fear' }),
      line({ text: 'extra', level: 'none', split: 'test', score: 1 }),
      '{not json',
      line({ text: 'FINE', level: 'fear', split: 'test' }),
      line({ text: '   ', level: 'none', split: 'dev' }),
    ].join('\n');
    let message = '';
    try {
      parseSafetyExamples(text, 'corpus/safety-examples.jsonl');
    } catch (error) {
      expect(error).toBeInstanceOf(CorpusError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/safety-examples\.jsonl:2: level: /);
    expect(message).toMatch(/safety-examples\.jsonl:3: split: /);
    expect(message).toMatch(/safety-examples\.jsonl:4: .*score/);
    expect(message).toMatch(/safety-examples\.jsonl:5: not valid JSON/);
    expect(message).toMatch(/safety-examples\.jsonl:6: text repeats line 1/);
    expect(message).toMatch(/safety-examples\.jsonl:7: text: must not be empty/);
    expect(message).not.toMatch(/:1:/);
  });

  it('says so when the file is missing or empty', () => {
    const folder = mkdtempSync(join(tmpdir(), 'safety-'));
    expect(() => loadSafetyExamples(folder)).toThrow(/safety-examples\.jsonl: cannot read the file/);
    writeFileSync(join(folder, 'safety-examples.jsonl'), '\n\n');
    expect(() => loadSafetyExamples(folder)).toThrow(/holds no examples/);
  });
});
