import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../ingest/text.js';
import { getTestRuntime } from '../../testing/test-runtime.js';
import { sectionUnits } from '../units.js';
import { analyse } from './analyse.js';
import { faithfulnessFailure } from './check.js';

describe('faithfulnessFailure on the whole corpus', () => {
  it('accepts every sentence of every passage the model can be shown, quoted alone under its passage', async () => {
    const runtime = await getTestRuntime();
    const refused: string[] = [];
    let quoted = 0;
    for (const section of runtime.snapshot.search.sections) {
      for (const unit of sectionUnits(section)) {
        for (const sentence of splitSentences(unit.text)) {
          // List labels ("a.") say nothing, so there is nothing to support.
          if (analyse(sentence).length === 0) continue;
          quoted++;
          const failure = faithfulnessFailure(sentence, unit.text);
          if (failure) refused.push(`${failure}: ${sentence}`);
        }
      }
    }
    expect(quoted).toBeGreaterThan(1000);
    expect(refused).toEqual([]);
  }, 60_000);
});
