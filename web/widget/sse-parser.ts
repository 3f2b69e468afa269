/** One server-sent event: its name ("message" when unnamed) and its joined data lines. */
export interface SseEvent {
  event: string;
  data: string;
}

/**
 * Creates an incremental parser for text/event-stream: feed it decoded chunks as
 * they arrive (a chunk may end mid-line) and it returns the events completed so far.
 */
export function createSseParser(): { push(chunk: string): SseEvent[]; flush(): SseEvent[] } {
  let buffer = '';
  let eventName = '';
  let dataLines: string[] = [];

  function takeLine(line: string, out: SseEvent[]): void {
    if (line === '') {
      if (dataLines.length > 0) out.push({ event: eventName || 'message', data: dataLines.join('\n') });
      eventName = '';
      dataLines = [];
      return;
    }
    if (line.startsWith(':')) return; // comment / keep-alive
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventName = value;
    else if (field === 'data') dataLines.push(value);
  }

  return {
    push(chunk: string): SseEvent[] {
      buffer += chunk;
      const out: SseEvent[] = [];
      // Lines end in \n, \r\n or a lone \r; a trailing \r may still become \r\n, so keep it.
      let match: RegExpExecArray | null;
      const lineEnd = /\r\n|\n|\r(?!$)/g;
      let start = 0;
      while ((match = lineEnd.exec(buffer)) !== null) {
        takeLine(buffer.slice(start, match.index), out);
        start = match.index + match[0].length;
      }
      buffer = buffer.slice(start);
      return out;
    },
    flush(): SseEvent[] {
      const out: SseEvent[] = [];
      if (buffer !== '') takeLine(buffer.replace(/\r$/, ''), out);
      buffer = '';
      takeLine('', out);
      return out;
    },
  };
}
