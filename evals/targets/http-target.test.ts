import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../ingest/config.js';
import { createTestApp, getTestRuntime } from '../../server/testing/test-runtime.js';
import { loadCases } from '../case-schema.js';
import { runEval } from '../run-eval.js';
import { createHttpTarget, searchQueryFor } from './http-target.js';
import { createInProcessTarget } from './in-process-target.js';

describe('the HTTP target', () => {
  let server: ServerType;
  let url: string;

  beforeAll(async () => {
    const app = await createTestApp();
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('grades the same answers over HTTP as in-process', async () => {
    const cases = loadCases(join(PROJECT_ROOT, 'evals', 'cases-dev.jsonl')).filter((evalCase) =>
      ['mo-duration-02', 'nf-kansas-fees-01', 'em-door-01', 'fu-mpo-cancel-01'].includes(evalCase.id),
    );
    expect(cases).toHaveLength(4);
    const overHttp = await runEval({ cases, target: createHttpTarget(url), modes: ['hybrid'], casesFile: 'cases' });
    const inProcess = await runEval({ cases, target: createInProcessTarget(await getTestRuntime()), modes: ['hybrid'], casesFile: 'cases' });
    const view = (report: typeof overHttp) => report.modes.hybrid!.cases.map((result) => ({ id: result.id, status: result.status, cited: result.citations.map((citation) => citation.sectionId), error: result.error }));
    expect(view(overHttp)).toEqual(view(inProcess));
    expect(overHttp.indexBuildId).toBe(inProcess.indexBuildId);
    expect(overHttp.target).toBe(url);
  });

  it('reports an unreachable server as failed cases, not a crash', async () => {
    const cases = loadCases(join(PROJECT_ROOT, 'evals', 'cases-dev.jsonl')).slice(0, 1);
    const report = await runEval({ cases, target: createHttpTarget('http://127.0.0.1:9'), modes: ['hybrid'], casesFile: 'cases' });
    expect(report.modes.hybrid!.cases[0].passed).toBe(false);
    expect(report.modes.hybrid!.cases[0].failures[0]).toMatch(/^request failed/);
  });

  it('searches with the user turns of a conversation, within the query limit', () => {
    expect(searchQueryFor([{ role: 'user', content: 'how is an MPO issued?' }, { role: 'assistant', content: 'With DD Form 2873.' }, { role: 'user', content: 'and cancelled?' }])).toBe(
      'how is an MPO issued? and cancelled?',
    );
    expect(searchQueryFor([{ role: 'user', content: 'word '.repeat(100) }]).length).toBeLessThanOrEqual(300);
  });
});
