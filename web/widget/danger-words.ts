// A small offline list of words that mean "in danger right now", so the widget can show 911 the moment
// such a message is sent, before (or without) the server. The server's own check decides the answer;
// this one only makes sure help is on screen when the server is slow or cannot be reached. It is
// deliberately narrow: present-tense threats, a weapon in hand, someone at the door, self-harm.

const WHO = "(?:he|she|they|my (?:ex|husband|wife|boyfriend|girlfriend|partner|abuser))";
const IS = "(?:'s|s| is| are|'re)";

const PATTERNS: RegExp[] = [
  new RegExp(`\\b${WHO}${IS} (?:\\w+ )?(?:outs?ide?|at|in|inside|banging on|breaking into|trying to get in(?:to)?)(?: my| the| our)? (?:front |back )?(?:door|house|home|window|apartment|room|car)\\b`),
  new RegExp(`\\b${WHO}${IS} (?:here|coming (?:here|over|for me|after me))\\b`),
  /\b(?:breaking|kicking|banging|pounding) (?:in|down|on) (?:the |my |our )?(?:door|window)/,
  /\b(?:has|got|pulled|pointing|holding|waving) (?:out )?(?:a |his |her |the )?(?:gun|knife|weapon)\b/,
  /\b(?:going to|gonna|will|wants to|threaten\w* to|says (?:he|she)'?ll) (?:kill|shoot|stab|hurt|choke) (?:me|us|my )/,
  /\b(?:kill|hurt) (?:me|us) (?:tonight|today|now|right now)\b/,
  /(?<!\b(?:was|were|used to be) )\b(?:hitting|beating|choking|strangling|attacking) (?:me|us)\b/,
  /\b(?:in danger|not safe|unsafe) (?:right )?now\b|\bimmediate danger\b/,
  /\b(?:help me|please help|help us)\b.{0,40}\b(?:now|here|outside|coming|door)\b/,
  /\b(?:kill(?:ing)? my ?self|suicid\w*|end my life|want to die|hurt(?:ing)? my ?self)\b/,
];

/** True when a message says someone may be in danger right now. */
export function soundsLikeDanger(message: string): boolean {
  const text = message.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
  return PATTERNS.some((pattern) => pattern.test(text));
}
