import { describe, expect, it } from 'vitest';
import { parseAnswer, speakableAnswer, splitMarkers } from './answer-format.js';

describe('answer format', () => {
  it('splits citation markers out of text', () => {
    expect(splitMarkers('Lasts 180 days [1] or longer [2].')).toEqual([
      { kind: 'text', text: 'Lasts 180 days ' },
      { kind: 'cite', n: 1 },
      { kind: 'text', text: ' or longer ' },
      { kind: 'cite', n: 2 },
      { kind: 'text', text: '.' },
    ]);
  });

  it('sets phone numbers apart so they can be tapped', () => {
    expect(splitMarkers('Call 911 or 1-800-799-7233 [1].')).toEqual([
      { kind: 'text', text: 'Call ' },
      { kind: 'phone', text: '911' },
      { kind: 'text', text: ' or ' },
      { kind: 'phone', text: '1-800-799-7233' },
      { kind: 'text', text: ' ' },
      { kind: 'cite', n: 1 },
      { kind: 'text', text: '.' },
    ]);
    expect(splitMarkers('MO ST § 455.040 and 2013-06-25')).toEqual([{ kind: 'text', text: 'MO ST § 455.040 and 2013-06-25' }]);
  });

  it('leaves markers with no matching citation as plain text', () => {
    expect(splitMarkers('see [3]', new Set([1]))).toEqual([{ kind: 'text', text: 'see [3]' }]);
  });

  it('groups consecutive bullet lines into one list', () => {
    const blocks = parseAnswer('The judge considers:\n• prior orders [1]\n• threats [1]\n\nAfter that.');
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'list', 'paragraph']);
    const list = blocks[1];
    expect(list?.kind === 'list' && list.items.length).toBe(2);
  });

  it('reads markers aloud as sources', () => {
    expect(speakableAnswer('It lasts a year [1].\n• item [2]')).toBe('It lasts a year (source 1). item (source 2)');
  });
});
