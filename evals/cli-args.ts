import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../ingest/config.js';
import { EvalInputError } from './input-error.js';
import { ALL_MODES, type Mode } from './report-types.js';

export interface CliOptions {
  modes: Mode[];
  /** Case files: the dev split and the held-out test split by default. */
  casesFiles: string[];
  /** Parameter overrides, "group.name=value" (see server/pipeline/params.ts). */
  params: string[];
  /** Run only one split. */
  split?: 'dev' | 'test';
  thresholdsFile: string;
  reportsDir: string;
  baselineFile?: string;
  saveBaselineFile?: string;
  url?: string;
  /** Only run cases whose id contains one of these strings. */
  only: string[];
  help: boolean;
}

export const USAGE = `Usage: npm run eval -- [options]

  --mode hybrid|lexical|vector|all   retrieval mode(s) to run (default: all; thresholds apply to hybrid)
  --baseline FILE                    compare with an earlier run; any case that went pass -> fail fails the run
  --save-baseline FILE               write this run as a baseline (e.g. evals/baseline.json)
  --url http://127.0.0.1:8787        evaluate a running server over HTTP instead of in-process
  --cases FILE                       case file, repeatable (default: evals/cases-dev.jsonl and evals/cases-test.jsonl;
                                     a file whose name says "test" is the held-out test split)
  --split dev|test                   run one split only
  --param group.name=value           override a ranking parameter (repeatable), e.g. retrieve.lexicalWeight=0.4;
                                     retrieve.useQuestions=false is the ablation without example questions
  --thresholds FILE                  thresholds (default: evals/thresholds.json)
  --out DIR                          where latest.* reports go (default: evals/reports)
  --only TEXT                        run only cases whose id contains TEXT (repeatable)
  --help                             show this text`;

/** Raised for command-line mistakes; the message says what to type instead. */
export class UsageError extends EvalInputError {}

/** Parses the eval command line; paths resolve against the project root so the command works from anywhere. */
export function parseCliArgs(argv: string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        mode: { type: 'string', default: 'all' },
        baseline: { type: 'string' },
        'save-baseline': { type: 'string' },
        url: { type: 'string' },
        cases: { type: 'string', multiple: true },
        split: { type: 'string' },
        param: { type: 'string', multiple: true },
        thresholds: { type: 'string' },
        out: { type: 'string' },
        only: { type: 'string', multiple: true },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const mode = values.mode ?? 'all';
  if (mode !== 'all' && !ALL_MODES.includes(mode as Mode)) throw new UsageError(`--mode must be hybrid, lexical, vector or all (got "${mode}")`);
  if (values.url && !/^https?:\/\//.test(values.url)) throw new UsageError(`--url must start with http:// or https:// (got "${values.url}")`);
  const fromRoot = (path: string | undefined, fallback: string) => resolve(process.cwd(), path ?? resolve(PROJECT_ROOT, fallback));
  if (values.split && values.split !== 'dev' && values.split !== 'test') throw new UsageError(`--split must be dev or test (got "${values.split}")`);
  return {
    modes: mode === 'all' ? [...ALL_MODES] : [mode as Mode],
    casesFiles: values.cases && values.cases.length > 0 ? values.cases.map((file) => resolve(process.cwd(), file)) : [resolve(PROJECT_ROOT, 'evals/cases-dev.jsonl'), resolve(PROJECT_ROOT, 'evals/cases-test.jsonl')],
    params: values.param ?? [],
    split: values.split as CliOptions['split'],
    thresholdsFile: fromRoot(values.thresholds, 'evals/thresholds.json'),
    reportsDir: fromRoot(values.out, 'evals/reports'),
    baselineFile: values.baseline ? resolve(process.cwd(), values.baseline) : undefined,
    saveBaselineFile: values['save-baseline'] ? resolve(process.cwd(), values['save-baseline']) : undefined,
    url: values.url,
    only: values.only ?? [],
    help: values.help ?? false,
  };
}
