import { describe, expect, it } from 'vitest';
import { createSseParser } from './sse-parser.js';

describe('createSseParser', () => {
  it('parses named events split across chunks', () => {
    const parser = createSseParser();
    const events = [
      ...parser.push('event: delta\ndata: {"text":"Hel'),
      ...parser.push('lo"}\n\nevent: done\r\n'),
      ...parser.push('data: {"status":"answered"}\r\n\r\n'),
    ];
    expect(events).toEqual([
      { event: 'delta', data: '{"text":"Hello"}' },
      { event: 'done', data: '{"status":"answered"}' },
    ]);
  });

  it('joins multi-line data, ignores comments and flushes a final event without a blank line', () => {
    const parser = createSseParser();
    expect(parser.push(': keep-alive\ndata: a\ndata: b\n\n')).toEqual([{ event: 'message', data: 'a\nb' }]);
    expect(parser.push('event: done\ndata: {}')).toEqual([]);
    expect(parser.flush()).toEqual([{ event: 'done', data: '{}' }]);
  });

  it('does not split a \\r\\n pair that arrives in two chunks', () => {
    const parser = createSseParser();
    expect(parser.push('data: x\r')).toEqual([]);
    expect(parser.push('\n\r\n')).toEqual([{ event: 'message', data: 'x' }]);
  });
});
