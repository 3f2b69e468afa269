/** What the danger check found in the latest message. */
export interface DangerSignal {
  /** Someone may be in danger right now. */
  emergency: boolean;
  /** Thoughts of suicide or self-harm. */
  selfHarm: boolean;
}

// Typos are common when someone is frightened; patterns allow the usual slips ("hes", "outsde", "gonna").
const SELF_HARM = /\b(kill(ing)? my ?self|end (it all|my life)|suicid\w*|don'?t want to (live|be alive)|hurt(ing)? my ?self|take my (own )?life|better off dead)\b/i;

const PRESENT_THREAT: RegExp[] = [
  // Someone at or inside the door, house, car or room now.
  /\b(he|she|they|him|her|abuser|ex|husband|wife|boyfriend|girlfriend|partner|someone)('?s| is| are|'?re)? (\w+ ){0,3}(outside|outsde|at|in|inside|insde|banging on|breaking|trying to (get|break) in(to)?|kicking)( (my|the|our))? (door|house|home|window|apartment|room|car|yard|porch|place)\b/i,
  /\b(breaking|broke|kicking|banging|trying to get|trying to break) (in|down|into|on)\b/i,
  // A weapon in hand, or a threat to kill, in the present.
  /\b(he|she|they|abuser|ex|husband|wife|boyfriend|girlfriend|partner)('?s| is| has| had|'?ve| have| got|'?s got)? (\w+ ){0,2}(a |his |her |the )?(gun|knife|weapon|rifle|pistol)\b.*\b(now|here|inside|home|house|kids|children|me|threat|point|waving|loaded)\b/i,
  /\b(pointing|waving|holding|loaded|grabbed|got out) (a |his |her |the )?(gun|knife|weapon|rifle|pistol)\b/i,
  /\b(going to|gonna|gona|will|wants to|threaten(ed|ing)? to|said he'?d|said she'?d|says he'?ll|says she'?ll) (kill|murder|shoot|stab|hurt) (me|us|the kids|my (kids|children|son|daughter|baby))\b/i,
  /\b(kill|murder|shoot|stab) (me|us) (tonight|today|now|right now)\b/i,
  // Being hurt, chased or held right now, or a plain cry for immediate help.
  /\b(is|are|keeps?) (hitting|beating|choking|strangling|attacking|hurting) (me|us|my)\b/i,
  /\b(right now|rn|at this moment|as we speak|tonight)\b.*\b(hit|hitting|hurt|hurting|beat|beating|chok\w*|threat\w*|kill|gun|knife|attack\w*|outside|here|coming)\b/i,
  /\b(hit|hurt|beat|chok\w*|threat\w*|gun|knife|attack\w*|outside|coming)\b.*\b(right now|rn|at this moment|as we speak)\b/i,
  /\b(help me|help us|i'?m scared|im scared|i am scared|i'?m terrified|please help)\b.*\b(now|he'?s here|she'?s here|coming|outside|door|hurt|kill|gun)\b/i,
  /\b(on (his|her|their) way (here|over)|coming (here|over|back) (to|and)|followed me (home|here))\b.*\b(kill|hurt|gun|knife|threat\w*|scared|afraid)\b/i,
  /\b(locked (myself|me|us) in|hiding (in|from)|trapped|won'?t let me leave)\b/i,
  /\bcaller\b.*\b(in danger|being (hit|hurt|attacked)|is (hiding|scared)|abuser is (there|outside|here)|right now|has a (gun|knife|weapon))\b/i,
  /\b(in (immediate|imminent) danger|danger right now|not safe right now|unsafe right now)\b/i,
];

/** Looks for danger now in the latest message: someone at the door, a weapon out, a threat to kill, self-harm. */
export function detectDanger(text: string): DangerSignal {
  const normalised = text.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
  const selfHarm = SELF_HARM.test(normalised);
  const emergency = selfHarm || PRESENT_THREAT.some((pattern) => pattern.test(normalised));
  return { emergency, selfHarm };
}
