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
    violenceNow: false,
    presentDanger: false,
    selfHarmPattern: false,
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

  it('reads violence happening now as danger_now even when a legal question is asked', () => {
    const calm = { scores: { danger_now: -0.5, self_harm: -0.5, fear: -0.5, disclosure: 0.5, none: -0.5 }, asksLegal: true, firstPerson: true };
    expect(levelFromEvidence(evidence({ ...calm, violenceNow: true }), params)).toMatchObject({ level: 'danger_now', byPattern: true });
    expect(levelFromEvidence(evidence(calm), params).level).toBe('disclosure');
  });

  it('keeps self_harm when the person says outright they may hurt themself', () => {
    expect(levelFromEvidence(evidence({ presentDanger: true, selfHarmSaid: true }), params).level).toBe('self_harm');
  });

  it('lets the present-danger patterns raise an alarm the neighbours missed only when nothing is asked', () => {
    const calm = { presentDanger: true, scores: { danger_now: -0.5, self_harm: -0.5, fear: -0.5, disclosure: -0.5, none: 0.5 } };
    expect(levelFromEvidence(evidence({ ...calm, asksLegal: true }), params).level).toBe('none');
    const raised = levelFromEvidence(evidence(calm), params);
    expect(raised).toMatchObject({ level: 'danger_now', byPattern: true });
    expect(levelFromEvidence(evidence({ ...calm, presentDanger: false, selfHarmPattern: true }), params)).toMatchObject({ level: 'self_harm', byPattern: true });
  });

  it('marks danger_now that also passed the self-harm bar, so the reply can give 988 after 911', () => {
    const both = { scores: { danger_now: params.dangerThreshold + 0.2, self_harm: params.selfHarmThreshold + 0.05, fear: 0, disclosure: 0, none: 0 } };
    expect(levelFromEvidence(evidence({ ...both, firstPerson: false }), params)).toMatchObject({ level: 'danger_now', alsoSelfHarm: true });
    const dangerOnly = { scores: { danger_now: params.dangerThreshold + 0.2, self_harm: params.selfHarmThreshold - 0.05, fear: 0, disclosure: 0, none: 0 } };
    expect(levelFromEvidence(evidence({ ...dangerOnly, firstPerson: false }), params).alsoSelfHarm).toBeUndefined();
    expect(levelFromEvidence(evidence({ presentDanger: true }), params)).toMatchObject({ level: 'danger_now', alsoSelfHarm: true });
  });
});
