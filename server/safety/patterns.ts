/**
 * The few alarms that must never wait on a similarity score: a person saying outright that they will hurt
 * themselves, and a weapon out now. Everything subtler is left to the nearest-neighbour classifier, because
 * patterns fitted to phrasings fail on the phrasings nobody wrote down.
 */

const WEAPON = String.raw`(?:gun|guns|knife|knives|rifle|pistol|shotgun|handgun|revolver|machete|weapon|bat|hammer|axe|hatchet|crowbar|tire iron|screwdriver|scissors)`;
const PERSON = String.raw`(?:he|she|they|ex|husband|wife|boyfriend|girlfriend|partner|abuser|respondent|dad|father|someone|somebody|man|guy)`;
// Present tense only: "he's", "hes", "he is"; "he was", "he had" and "he used to" are past and stay disclosures.
const NOW = String.raw`(?:'s|s| is| are|'re)`;

const SELF_HARM: RegExp[] = [
  /\b(?:kill|killing|hurt|hurting|cut|cutting|harm|harming) my ?self\b/,
  /\b(?:use|using|turn|turning) (?:it|the gun|his gun|a gun|the knife|a knife) on my ?self\b/,
  /\b(?:thinking (?:of|about)|going to|gonna|want to|wanna) (?:jump|jumping)\b(?: (?:off|from|in front))?/,
  /\bkms\b/,
  /\b(?:i'?m|i am|im|feel|feeling|been) suicidal\b/,
  /\b(?:thinking|thought|thoughts|think) (?:about|of) (?:suicide|killing myself|ending (?:it|my life)|dying)\b/,
  /\b(?:end|ending|take|taking) my (?:own )?life\b/,
  /\bi (?:just )?(?:wanna|want to|wish i could|wish i was|wish i were|am going to|'?m going to|'?m gonna) (?:die|be dead|never wake up|not wake up)\b/,
  /\b(?:don'?t|do not|dont) want to (?:live|be alive|wake up|be here anymore|go on)\b/,
  // An overdose the writer took: "i took all my pills", "just swallowed a bunch of tylenol". Someone else's is danger_now.
  /(?:^|\bi |\bi'?ve |\bi have |\bjust )(?:just )?(?:took|taken|swallowed) (?:all|a (?:whole )?bottle|a bunch|a lot|too many|way too many|everything)\b/,
  /\bi (?:just )?(?:overdosed|od'?d)\b/,
  /\bi'?m (?:going to|gonna|planning to) (?:overdose|take all (?:my|the) (?:pills|meds))\b/,
];

const WEAPON_NOW: RegExp[] = [
  new RegExp(String.raw`\b${PERSON}${NOW} (?:\w+ ){0,2}(?:pointing|aiming|waving|holding|loading|swinging) (?:a|his|her|their|the|my|a loaded) (?:\w+ )?${WEAPON}\b`),
  new RegExp(String.raw`\b(?:has|'s got|s got|got|is holding|is putting) (?:a|his|her|the) (?:\w+ )?${WEAPON} (?:to|at|against) my (?:head|throat|chest|neck|face|back)\b`),
  // Somewhere, now, with a weapon: "he is outside my door with a gun"; "he's a cop with a gun" is not an alarm.
  new RegExp(String.raw`\b${PERSON}${NOW} (?:\w+ )?(?:outside|here|at|in|inside|downstairs|upstairs|standing|sitting|waiting|hiding|back)\b[^.?!]{0,40}\bwith (?:a|his|her|their|the|a loaded) (?:\w+ )?${WEAPON}\b`),
  new RegExp(String.raw`\b${PERSON}${NOW} (?:coming|driving|walking|heading|on (?:his|her|their) way)\b[^.?!]{0,40}\b(?:with|bringing) (?:a|his|her|their|the) (?:\w+ )?${WEAPON}\b`),
  new RegExp(String.raw`\b${PERSON}${NOW} (?:armed|got a ${WEAPON})\b`),
];

// Violence happening this minute, said in the present tense: "he is hitting me", "hes kicking my door in", "my ex
// is in my backyard right now". Only a present "is"/"'s" counts, with nothing but "still" or "now" before the verb,
// so "he's been hitting me for years" and "he was choking me" stay disclosures.
const STILL = String.raw`(?:(?:still|now|literally|actually|currently) )?`;
const VIOLENT_ING = String.raw`(?:hitting|beating|choking|strangling|attacking|punching|kicking|stabbing|slapping|hurting|dragging|smothering|shooting at|slamming|shoving|pushing|throwing|grabbing|pinning|biting|burning|stomping on)`;
const VICTIM = String.raw`(?:me|us|her|him|my (?:\w+ )?(?:kids?|children|son|daughter|baby|mom|mother|sister|brother|friend|dog))`;
const PLACE = String.raw`(?:(?:front |back )?(?:door|house|home|window|apartment|room|yard|backyard|porch|driveway|bedroom|kitchen|basement|car))`;
const VIOLENCE_NOW: RegExp[] = [
  new RegExp(String.raw`\b${PERSON}${NOW} ${STILL}${VIOLENT_ING} ${VICTIM}\b`),
  new RegExp(String.raw`\b${PERSON}${NOW} ${STILL}(?:breaking|kicking|banging on|pounding on|smashing|trying to (?:break|get|kick)(?: in(?:to)?| down| open)?) (?:in |down |into |through )?(?:my|our|the) ${PLACE}`),
  new RegExp(String.raw`\b${PERSON}${NOW} ${STILL}(?:outside|inside|in|at|on) (?:my|our) ${PLACE}\b[^.?!]{0,30}\b(?:right now|rn|as we speak|now)\b`),
];

/** Lower-cases and straightens quotes so the patterns need only one spelling of "he's". */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
}

/** True when the text says outright that its writer will hurt or kill themself, or has taken an overdose. */
export function saysSelfHarm(text: string): boolean {
  const normalised = normalise(text);
  return SELF_HARM.some((pattern) => pattern.test(normalised));
}

/** True when the text says, in the present tense, that someone is being hurt or the home broken into this minute. */
export function saysViolenceNow(text: string): boolean {
  const normalised = normalise(text);
  return VIOLENCE_NOW.some((pattern) => pattern.test(normalised));
}

/** True when the text says someone has a weapon out, or is bringing one, now. */
export function saysWeaponNow(text: string): boolean {
  const normalised = normalise(text);
  return WEAPON_NOW.some((pattern) => pattern.test(normalised));
}

// "What do I do", "can someone help" are pleas, not legal questions; they must not raise the bar for an alarm.
const PLEA = /\b(?:what (?:do|should|can) i do|what do we do|can (?:you|someone|anyone) help|help me|help us|please help|what now)\b/;
const ASKS = /^(?:can|could|do|does|did|how|what|where|when|who|whom|which|will|would|is|are|should|may|am|if|why)\b/;
const STAFF_ASKS = /\b(?:asks|asking|asked|(?:want|wants|wanted|need|needs) to know|wondering|question)\b/;

// A question typed on after the story without a stop, as on a phone: "he hit me yesterday, can a protective order
// make him leave". A clause opening with an inverted auxiliary (after a question word or not) and then its subject
// is a question; a bare "when he came home" or "and did the dishes" is the story going on.
const EMBEDDED_ASKS = /(?:[,;:]|\b(?:and|but|so))\s+(?:(?:how|what|where|when|who|which|why)\s+)?(?:can|could|do|does|will|would|should|is|are|may)\s+(?:i|you|we|he|she|they|it|a|an|the|my|his|her|our|this|that|there|someone|anyone)\b/;

/** True when a sentence asks something other than "help, what do I do": a question the documents may answer. */
export function asksQuestion(sentence: string): boolean {
  const normalised = normalise(sentence).trim();
  if (PLEA.test(normalised)) return false;
  return normalised.endsWith('?') || ASKS.test(normalised) || EMBEDDED_ASKS.test(normalised) || STAFF_ASKS.test(normalised);
}

// Time told in the past ("last year", "used to", "in 2019") with nothing saying now: a story of past harm, which
// the encoder cannot tell from the same harm happening now, so such a sentence is never evidence of danger now.
const PAST = /\b(?:yesterday|the other (?:day|night)|last (?:night|year|month|week|weekend|summer|winter|spring|fall|christmas|time)|(?:\d+|a|two|three|few|several|many) (?:years?|months?|weeks?|days?) ago|(?:years|months|weeks|a while|long time) ago|used to|would|once|in (?:19|20)\d\d|when we were|while we were|history of|for years|back then|in the past|before (?:he|she|i|we))\b/;
const PRESENT = /\b(?:now|right now|rn|still|here|tonight|currently|at the moment|on (?:his|her|their) way|as we speak)\b/;

/** True when a sentence places what it tells in the past and says nothing of now. */
export function toldInPast(sentence: string): boolean {
  const normalised = normalise(sentence);
  return PAST.test(normalised) && !PRESENT.test(normalised);
}

// The other half of what the encoder cannot hear: words that put the harm in this very minute.
const HAPPENING_NOW = /\b(?:right now|rn|as we speak|at this moment|at the moment|this minute|actively|currently)\b/;

/** True when a sentence says its events are happening this minute ("right now", "as we speak"). */
export function saysHappeningNow(sentence: string): boolean {
  return HAPPENING_NOW.test(normalise(sentence));
}

/** True when the writer speaks of themself ("I", "me", "myself"), not only of someone else. */
export function speaksOfSelf(text: string): boolean {
  return /\b(?:i|i'm|im|i've|ive|i'd|me|myself)\b/.test(normalise(text));
}
