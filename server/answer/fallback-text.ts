import type { HotlineOut } from '../contract.js';

/** How to reach a hotline in one line: "call 1-800-799-7233, text START to 88788 or chat at thehotline.org". */
export function howToReach(hotline: HotlineOut): string {
  const ways: string[] = [];
  if (hotline.phone) ways.push(hotline.phone === '911' ? 'call 911' : `call ${hotline.phone}`);
  if (hotline.text) ways.push(hotline.text.replace(/^Text/, 'text').replace(/^Call or text/, 'call or text'));
  if (hotline.chat) ways.push(`chat at ${hotline.chat}`);
  if (ways.length === 0 && hotline.url) ways.push(`visit ${hotline.url}`);
  return ways.join(', ');
}

/** The one line that goes above a fear or disclosure answer. */
export function safetyLine(): string {
  return 'If you are in danger now, call 911 if it is safe to do so.';
}

/** The first hotline that is neither 911 nor 988: the line that fits this person's situation. */
function fittingLine(hotlines: HotlineOut[]): HotlineOut | undefined {
  return hotlines.find((hotline) => hotline.id !== 'emergency' && hotline.id !== '988');
}

/**
 * Danger now: 911 first, in one short sentence a frightened person can act on, then the one line that fits.
 * 911 is said once, and nothing legal follows: reading law is not what helps in that minute.
 */
export function dangerNowText(hotlines: HotlineOut[]): string {
  const lines = ['Please call 911 now, if you can do it safely.'];
  // Chosen when the message also reads as self-harm (another person's overdose, a child who says they want to die).
  if (hotlines.some((hotline) => hotline.id === '988')) lines.push('If someone may hurt themself, you can also call or text 988, the Suicide & Crisis Lifeline.');
  const next = fittingLine(hotlines);
  if (next) lines.push(`When you can, ${next.name} can help: ${howToReach(next)}.`);
  lines.push('You do not have to handle this alone.');
  return lines.join('\n');
}

/**
 * Self-harm: 988 first (call or text); 911 for immediate danger, which includes an overdose already taken or
 * someone hurt; then the domestic violence line.
 */
export function selfHarmText(hotlines: HotlineOut[]): string {
  const lines = [
    'Please call or text 988 now, any time, day or night: the 988 Suicide & Crisis Lifeline will listen.',
    // An overdose already taken needs an ambulance before a counsellor, whoever took it: say so in plain words.
    'If you are in immediate danger, or you or someone with you has taken too many pills or is hurt, call 911 now.',
  ];
  const domesticViolence = hotlines.find((hotline) => hotline.id === 'ndvh') ?? fittingLine(hotlines);
  if (domesticViolence) lines.push(`For what is happening at home, ${domesticViolence.name} can help: ${howToReach(domesticViolence)}.`);
  lines.push('You do not have to handle this alone.');
  return lines.join('\n');
}

/** An honest "the documents do not say", with the help that fits. */
export function notFoundText(options: { hotlines: HotlineOut[]; uncoveredPlaces: string[]; outOfScope: boolean }): string {
  const lines: string[] = [];
  if (options.outOfScope) {
    lines.push('I can only answer questions about protective orders and domestic abuse, and only from three documents: the WomensLaw pages on Missouri restraining orders and on military protective orders, and DoD Instruction 6400.06.');
  } else {
    lines.push('I could not find an answer to that in the documents I answer from (the WomensLaw Missouri and military protective order pages and DoD Instruction 6400.06), so I will not guess.');
    if (options.uncoveredPlaces.length > 0) {
      lines.push(`They cover Missouri law and federal and military rules, not the law of ${options.uncoveredPlaces.slice(0, 3).join(', ')}.`);
    }
  }
  const helpers = options.hotlines.filter((hotline) => hotline.id !== 'emergency').slice(0, 3);
  if (helpers.length > 0) lines.push('People who can help with this:');
  for (const hotline of helpers) lines.push(`• ${hotline.name}: ${howToReach(hotline)}.`);
  lines.push('If you are in danger right now, call 911 if it is safe to do so.');
  return lines.join('\n');
}
