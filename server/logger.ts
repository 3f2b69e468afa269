/** Fields a log line may carry: sizes, timings, codes and ids; never the text people type. */
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  info(fields: LogFields): void;
  error(fields: LogFields): void;
}

/** A JSON-lines logger; `silent` for tests and the terminal tools. */
export function createLogger(options: { mode: 'json' | 'silent'; write?: (line: string) => void }): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const emit = (level: string, fields: LogFields) => {
    if (options.mode === 'silent' && !options.write) return;
    write(JSON.stringify({ time: new Date().toISOString(), level, ...fields }));
  };
  return { info: (fields) => emit('info', fields), error: (fields) => emit('error', fields) };
}
