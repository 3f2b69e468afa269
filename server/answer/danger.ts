import { saysSelfHarm, saysViolenceNow, saysWeaponNow } from '../safety/patterns.js';

/** What the danger check found in the latest message. */
export interface DangerSignal {
  /** Someone may be in danger right now. */
  emergency: boolean;
  /** Thoughts of suicide or self-harm. */
  selfHarm: boolean;
}

// Typos are common when someone is frightened; patterns allow the usual slips ("hes", "outsde", "gonna").
const SELF_HARM = /\b(kill(ing)? my ?self|end (it all|my life)|suicid\w*|don'?t want to (live|be alive)|hurt(ing)? my ?self|take my (own )?life|better off dead)\b/i;

const PERSON = String.raw`(?:he|she|they|abuser|ex|husband|wife|boyfriend|girlfriend|partner|someone|dad|father|mom|mother|son|brother)`;
const IS = String.raw`(?:'s|s|’s| is| are|'re| was just| just)`;
const KILL = String.raw`(?:kil+|murder|shoot|stab|hurt|beat|strangle|choke)`;

const PRESENT_THREAT: RegExp[] = [
  // Someone at or inside the door, house, car or room now ("hes outsid my house").
  new RegExp(String.raw`\b${PERSON}${IS} (?:\w+ ){0,3}(?:outs?i?de?|at|in|inside|insde|banging on|breaking into|trying to (?:get|break) in(?:to)?|kicking)(?: (?:my|the|our))? (?:front |back )?(?:door|house|home|window|apartment|room|car|yard|porch|place)\b`, 'i'),
  new RegExp(String.raw`\b${PERSON}${IS} (?:(?:back|here|outside)(?=\s*(?:[,.!]|$|and\b|again\b|now\b))|coming (?:here|over|back|for me|after me|to get me)|on (?:his|her|their) way (?:here|over))`, 'i'),
  /\b(breaking|broke|kicking|banging|pounding|smashing|trying to get|trying to break) (in|down|into|on)\b/i,
  /\b(kick\w*|bang\w*|break\w*|smash\w*|pound\w*) (in |down )?(the |my |our )?(front |back |bedroom |bathroom )?(door|window)s?\b/i,
  // A weapon in hand, or a threat to kill, in the present.
  new RegExp(String.raw`\b${PERSON}(?:'s| is| has| had|'ve| have| got|'s got|s got) (?:\w+ ){0,2}(?:a |his |her |the )?(?:gun|knife|weapon|rifle|pistol)\b.*\b(?:now|here|inside|home|house|kids|children|me|threat|point|waving|loaded)\b`, 'i'),
  /\b(pointing|pointed|aiming|aimed|waving|holding|loaded|grabbed|got out|pulled out|pulled) (a |his |her |the )?(gun|knife|weapon|rifle|pistol)\b/i,
  // Present or future only: "threatened to kill me" and "said he'd kill me" report a threat made before, which
  // is fear or a disclosure unless something else says it is happening now.
  new RegExp(String.raw`\b(?:going to|gonna|gona|will|wants to|threaten(?:ing|s)? to|says he'?ll|says she'?ll|sed he'?s gonna|sed hes gonna) ${KILL} (?:me|us|the kids|my (?:kids|children|son|daughter|baby))\b`, 'i'),
  new RegExp(String.raw`\b${KILL} (?:me|us) (?:tonight|today|now|right now)\b`, 'i'),
  // Being hurt right now: a violent act in the progressive, not in the past nor told as a habit ("has been
  // hitting me for years", "keeps hitting me"), which is abuse to disclose rather than this minute's danger.
  /(?<!\b(was|were|used to be|kept|keeps|keep|had been|has been|have been|'s been|'ve been) )\b(hitting|beating|choking|strangling|attacking|punching|kicking|dragging|smothering) (me|us|my (kids|children|son|daughter|baby))\b/i,
  /\b(right now|rn|at this moment|as we speak|tonight)\b.*\b(hit|hitting|hurt|hurting|beat|beating|chok\w*|threat\w*|kil+|gun|knife|attack\w*|outside|here|coming)\b/i,
  /\b(hit|hurt|beat|chok\w*|threat\w*|gun|knife|attack\w*|outside|coming)\b.*\b(right now|rn|at this moment|as we speak)\b/i,
  /\b(help me|help us|i'?m scared|im scared|i am scared|i'?m terrified|please help|plz help)\b.*\b(now|he'?s here|she'?s here|coming|outside|door|hurt|kil+|gun|knife)\b/i,
  /\b(followed me (home|here))\b/i,
  /\b(locked (myself|me|us) in|hiding (in|from)|trapped|won'?t let me leave)\b/i,
  /\bcaller\b.*\b(in danger|being (hit|hurt|attacked)|is (hiding|scared)|abuser is (there|outside|here)|right now|has a (gun|knife|weapon))\b/i,
  /\b(in (immediate|imminent) danger|danger right now|not safe right now|unsafe right now)\b/i,
];

/** Looks for danger now in the latest message: someone at the door, a weapon out, a threat to kill, self-harm. */
export function detectDanger(text: string): DangerSignal {
  const normalised = text.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
  // The classifier's must-not-miss patterns are added here so the old path gains them until it is replaced;
  // once answer-chat calls the classifier, this can shrink to those two checks alone.
  const selfHarm = SELF_HARM.test(normalised) || saysSelfHarm(normalised);
  const emergency = selfHarm || saysWeaponNow(normalised) || saysViolenceNow(normalised) || PRESENT_THREAT.some((pattern) => pattern.test(normalised));
  return { emergency, selfHarm };
}
