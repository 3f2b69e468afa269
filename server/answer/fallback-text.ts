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

/** Words a frightened person can act on: 911 first, then who else can help, and nothing long. */
export function emergencyText(hotlines: HotlineOut[], selfHarm: boolean): string {
  const lines = ['If you are in danger right now, call 911 if it is safe to do so.'];
  if (selfHarm) lines.push('If you are thinking about hurting yourself, you can call or text 988 any time, day or night.');
  const next = hotlines.filter((hotline) => hotline.id !== 'emergency' && hotline.id !== '988').slice(0, 2);
  for (const hotline of next) lines.push(`When you can, ${hotline.name} can help: ${howToReach(hotline)}.`);
  lines.push('You do not have to handle this alone. Legal questions can wait until you are safe.');
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
