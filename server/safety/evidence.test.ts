import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../pipeline/params.js';
import { levelFromEvidence, type SafetyEvidence } from './evidence.js';

const params = DEFAULT_PARAMS.safety;

/** Evidence whose neighbours read self-harm first and danger second, both past their thresholds. */
function evidence(overrides: Partial<SafetyEvidence>): SafetyEvidence {
  return {
    scores: { danger_now: params.dangerThreshold + 0.01, self_harm: params.selfHarmThreshold + 0.05, fear: 0, disclosure: 0, none: 0 },
    selfHarmSaid: false,
    weaponNow: false,
    presentDanger: false,
    asksLegal: false,
    firstPerson: true,
    ...overrides,
  };
}

describe('levelFromEvidence', () => {
  it('reads a first-person message closest to self-harm examples as self_harm', () => {
    expect(levelFromEvidence(evidence({}), params).level).toBe('self_harm');
  });

  it('reads it as danger_now when the present-danger patterns match and no self-harm pattern does', () => {
    const result = levelFromEvidence(evidence({ presentDanger: true }), params);
    expect(result.level).toBe('danger_now');
    expect(result.reasons.at(-1)).toMatch(/someone else is a danger now/);
  });

  it('keeps self_harm when the person says outright they may hurt themself', () => {
    expect(levelFromEvidence(evidence({ presentDanger: true, selfHarmSaid: true }), params).level).toBe('self_harm');
  });

  it('raises no alarm from the patterns alone when the neighbours read calm', () => {
    const calm = evidence({ presentDanger: true, scores: { danger_now: -0.5, self_harm: -0.5, fear: -0.5, disclosure: -0.5, none: 0.5 } });
    expect(levelFromEvidence(calm, params).level).toBe('none');
  });
});
