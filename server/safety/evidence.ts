import type { Params } from '../pipeline/params.js';
import type { SafetyLevel } from '../../ingest/safety-examples.js';
import { levelSimilarities, zeroScores, type LevelScores, type Neighbour, type Reference } from './neighbours.js';
import { detectDanger, type DangerSignal } from '../answer/danger.js';
import { asksQuestion, saysHappeningNow, saysSelfHarm, saysViolenceNow, saysWeaponNow, speaksOfSelf, toldInPast } from './patterns.js';

/** The safety tuning numbers (the `safety` block of the params). */
export type SafetyParams = Params['safety'];

/** Whether a level is an alarm: danger now or self-harm, answered `emergency` with no legal text. */
export function isAlarm(level: SafetyLevel): boolean {
  return level === 'danger_now' || level === 'self_harm';
}

/** What the classifier concluded about the latest user message. */
export interface SafetyResult {
  level: SafetyLevel;
  /** Plain words on why, for logs without user text and for tests. */
  reasons: string[];
  /** Each level's best margin over the latest message's texts (similarity to its examples minus the nearest rival's). */
  scores: LevelScores;
  /** The alarm was raised by the unambiguous patterns, not by the neighbours' margins. */
  byPattern?: boolean;
  /** danger_now won, but the message also reads as self-harm (someone's overdose, a child who says they want to die). */
  alsoSelfHarm?: boolean;
  /** The message asks a question the documents may answer (not only "help, what do I do"). */
  asks?: boolean;
}

/** Each level's margin for one text: how much closer it is to that level's examples than to the nearest rival. */
function margins(similarities: LevelScores, text: string, presentBonus: number): LevelScores {
  const calm = Math.max(similarities.fear, similarities.disclosure, similarities.none);
  return {
    // A sentence told in the past cannot be danger now, however close it is to danger examples; one that says
    // "right now" is nearer to it than the encoder alone can tell.
    danger_now: toldInPast(text) ? -1 : similarities.danger_now - calm + (saysHappeningNow(text) ? presentBonus : 0),
    self_harm: similarities.self_harm - calm,
    fear: similarities.fear - Math.max(similarities.disclosure, similarities.none),
    disclosure: similarities.disclosure - similarities.none,
    none: similarities.none - Math.max(similarities.danger_now, similarities.self_harm, similarities.fear, similarities.disclosure),
  };
}

/** Picks a level from the margins, with the bar for an alarm raised when a legal question is asked. */
function pickLevel(scores: LevelScores, asksLegal: boolean, firstPerson: boolean, params: SafetyParams, reasons: string[]): { level: SafetyLevel; alsoSelfHarm?: boolean } {
  const margin = asksLegal ? params.questionMargin : 0;
  if (asksLegal) reasons.push(`asks a question, so an alarm needs ${margin} more`);
  const selfHarm = scores.self_harm >= params.selfHarmThreshold + margin;
  const danger = scores.danger_now >= params.dangerThreshold + margin;
  if (selfHarm || danger) {
    // Both: when the writer speaks of themself, self-harm (its reply gives 988 and 911); about someone else (a
    // friend's overdose), the closer of the two, since 911 is what that person needs first.
    const level: SafetyLevel = selfHarm && (!danger || firstPerson || scores.self_harm >= scores.danger_now) ? 'self_harm' : 'danger_now';
    reasons.push(`closest to ${level} examples (margin ${scores[level].toFixed(3)})`);
    // Both bars passed and danger won: the reply says 911 first and still gives 988.
    if (level === 'danger_now' && selfHarm) reasons.push('also reads as self-harm');
    return { level, alsoSelfHarm: level === 'danger_now' && selfHarm };
  }
  if (scores.fear >= params.fearThreshold) {
    reasons.push(`closest to fear examples (margin ${scores.fear.toFixed(3)})`);
    // Fear alongside a question is a disclosure: the person gets the answer, with the safety line above it.
    return { level: asksLegal ? 'disclosure' : 'fear' };
  }
  if (scores.disclosure >= params.disclosureThreshold) {
    reasons.push(`closest to disclosure examples (margin ${scores.disclosure.toFixed(3)})`);
    return { level: 'disclosure' };
  }
  return { level: 'none' };
}

/** What one message shows before any threshold: its best margin per level, the patterns, whether it asks. */
export interface SafetyEvidence {
  scores: LevelScores;
  selfHarmSaid: boolean;
  weaponNow: boolean;
  /** A sentence not told in the past says, in the present tense, that someone is being hurt or broken in on now. */
  violenceNow: boolean;
  /** The present-danger patterns match (someone at the door, a threat now) and no self-harm pattern does. */
  presentDanger: boolean;
  /** The wider self-harm patterns of the danger check match ("suicidal", "better off dead"). */
  selfHarmPattern: boolean;
  asksLegal: boolean;
  /** The writer speaks of themself ("I", "me", "myself"). */
  firstPerson: boolean;
}

/**
 * The danger check's patterns, read only where what they match is not told in the past ("he pointed a gun at
 * me once" is a story): a message none of whose sentences is told in the past is read whole (a plea and a
 * threat may sit in two sentences); otherwise only its other sentences count. Self-harm words count anywhere.
 */
export function presentDangerPatterns(latest: string, sentences: string[]): DangerSignal {
  const whole = detectDanger(latest);
  const present = sentences.filter((sentence) => !toldInPast(sentence));
  if (present.length === sentences.length) return whole;
  return { emergency: whole.selfHarm || present.some((sentence) => detectDanger(sentence).emergency), selfHarm: whole.selfHarm };
}

/** Gathers the evidence of a message from its texts and their neighbours, at a given k. */
export function gatherEvidence(options: { texts: string[]; rankings: Neighbour[][]; reference: Reference; k: number; presentBonus: number; latest: string; sentences: string[] }): SafetyEvidence {
  const scores = zeroScores();
  for (const level of Object.keys(scores) as SafetyLevel[]) scores[level] = -1;
  // The message's score for a level is its best text's: danger told in one sentence of a story still counts.
  options.rankings.forEach((ranking, index) => {
    const textMargins = margins(levelSimilarities(options.reference, ranking, options.k), options.texts[index], options.presentBonus);
    for (const level of Object.keys(scores) as SafetyLevel[]) scores[level] = Math.max(scores[level], textMargins[level]);
  });
  const danger = presentDangerPatterns(options.latest, options.sentences);
  return { scores, selfHarmSaid: saysSelfHarm(options.latest), weaponNow: saysWeaponNow(options.latest), violenceNow: options.sentences.some((sentence) => !toldInPast(sentence) && saysViolenceNow(sentence)), presentDanger: danger.emergency && !danger.selfHarm, selfHarmPattern: danger.selfHarm, asksLegal: options.sentences.some(asksQuestion), firstPerson: speaksOfSelf(options.latest) };
}

/** Turns evidence into a level; split from gathering so the tuning sweep can try many thresholds cheaply. */
export function levelFromEvidence(evidence: SafetyEvidence, params: SafetyParams): SafetyResult {
  return { ...decideLevel(evidence, params), asks: evidence.asksLegal };
}

function decideLevel(evidence: SafetyEvidence, params: SafetyParams): SafetyResult {
  // Patterns first: recall must be total for a person saying outright they will hurt themself, a weapon is out,
  // or they are being hurt this minute.
  if (evidence.selfHarmSaid) return { level: 'self_harm', reasons: ['says outright they may hurt themself'], scores: evidence.scores, byPattern: true };
  if (evidence.weaponNow) return { level: 'danger_now', reasons: ['a weapon is out or on its way now'], scores: evidence.scores, byPattern: true };
  // Also with a question asked: "he is hitting me right now, will the MPO let the MPs come?" is danger first.
  if (evidence.violenceNow) return { level: 'danger_now', reasons: ['says someone is being hurt or broken in on now'], scores: evidence.scores, byPattern: true };
  const reasons: string[] = [];
  const picked = pickLevel(evidence.scores, evidence.asksLegal, evidence.firstPerson, params, reasons);
  if (picked.level === 'self_harm' && evidence.presentDanger) {
    reasons.push('someone else is a danger now, and nothing says they may hurt themself');
    return { level: 'danger_now', reasons, scores: evidence.scores, alsoSelfHarm: true };
  }
  const level = picked.level;
  if (picked.alsoSelfHarm) return { level, reasons, scores: evidence.scores, alsoSelfHarm: true };
  if (!isAlarm(level) && !evidence.asksLegal && (evidence.presentDanger || evidence.selfHarmPattern)) {
    // A message that asks nothing while the present-danger patterns match is an alarm, even where the
    // neighbours read it as a story; with a question asked, the neighbours decide.
    reasons.push('asks nothing and the present-danger patterns match');
    return { level: evidence.selfHarmPattern ? 'self_harm' : 'danger_now', reasons, scores: evidence.scores, byPattern: true };
  }
  return { level, reasons, scores: evidence.scores };
}
