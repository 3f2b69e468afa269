import type { Hotline, HotlineFit } from '../../ingest/corpus.js';
import type { HotlineOut } from '../contract.js';
import type { SafetyLevel } from '../../ingest/safety-examples.js';

/** The situations a hotline can fit beyond the default, read from what the person wrote. */
export type HotlineTopic = 'military' | 'sexual_assault' | 'teen' | 'native' | 'missouri' | 'legal';

/**
 * Builds one case-insensitive pattern from whole words and phrases. Every term is bounded on BOTH sides, so
 * "unit" never fires inside "United States" and "base" never inside "baseball"; spaces in a term match any run
 * of spaces or a hyphen ("active-duty").
 */
function terms(list: string[]): RegExp {
  const escaped = list.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]+'));
  return new RegExp(String.raw`(?<![\w-])(?:${escaped.join('|')})(?![\w-])`, 'i');
}

const MILITARY = terms([
  'military', 'service member', 'service members', 'servicemember', 'soldier', 'soldiers', 'sailor', 'airman', 'airmen',
  'marine', 'marines', 'navy', 'army', 'air force', 'coast guard', 'national guard', 'space force', 'active duty',
  'reservist', 'reserves', 'deploy', 'deployed', 'deploying', 'deployment', 'deployments', 'on base', 'the base',
  'base housing', 'installation', 'his command', 'her command', 'the command', 'chain of command', 'commander',
  'commanding officer', 'his unit', 'her unit', 'my unit', 'their unit', 'unit commander', 'mpo', 'mpos',
  'military protective order', 'fap', 'family advocacy', 'dava', 'pcs', 'barracks', 'dod', 'dodi', 'department of defense',
  '6400.06', 'veteran', 'stationed', 'duty station', 'drill weekend', 'sarc', 'sapr', 'tricare',
]);
const SEXUAL_ASSAULT = terms([
  'rape', 'raped', 'raping', 'rapist', 'sexual assault', 'sexually assaulted', 'sexual abuse', 'sexually abused',
  'sexual violence', 'molest', 'molested', 'molesting', 'molestation', 'forced me to have sex', 'forced sex',
  'made me have sex', 'unwanted sex', 'sex without my consent', 'sarc', 'sapr',
]);
const TEEN_WORDS = terms(['teen', 'teens', 'teenager', 'teenagers', 'teenage', 'high school', 'middle school', 'minor', 'a minor', 'underage', 'my parents', 'my mom and dad']);
// An age of 12 to 19, said as an age: "i'm 16", "she is 17", "15 years old", "16yo". Not "45 years old", not "i'm 15 minutes away".
const TEEN_AGE = /\b(?:(?:i'?m|im|i am|she'?s|shes|she is|he'?s|hes|he is|they'?re|they are|age|aged)\s+(?:1[2-9]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?!\s*(?:minutes?|mins?|miles?|hours?|hrs?|days?|weeks?|months?|times|percent|%|feet|ft|blocks|yards|years? (?:together|married|ago)))(?![\d.:])|(?:1[2-9]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?:[\s-]*(?:years?|yrs?)[\s-]*old|[\s-]*(?:y\/o|yo)))\b/i;
const NATIVE = terms(['native american', 'native americans', 'alaska native', 'alaskan native', 'american indian', 'indigenous', 'tribal', 'tribe', 'tribes', 'on the reservation', 'on the rez', 'tribal land', 'tribal court', 'first nations']);
const MISSOURI = terms(['missouri', 'st. louis', 'st louis', 'saint louis', 'kansas city', 'jefferson city', 'springfield, mo', 'columbia, mo', 'independence, mo', 'joplin', 'st. joseph', 'st joseph', 'cape girardeau', 'rsmo', 'mo law', 'mo statute', 'mo court']);
// "MO" in capitals is the state; lower-case "mo" is too often a word of its own to count.
const MISSOURI_ABBREVIATION = /(?<![\w-])MO(?![\w-])/;
const LEGAL = terms([
  'court', 'courts', 'courthouse', 'judge', 'order', 'orders', 'law', 'laws', 'legal', 'lawyer', 'attorney', 'custody',
  'divorce', 'file', 'filing', 'petition', 'statute', 'rights', 'hearing', 'restraining order', 'protective order', 'ex parte',
]);

/** Which topics a text is about, each judged on whole words (see `terms`). */
export function hotlineTopics(text: string): Set<HotlineTopic> {
  const topics = new Set<HotlineTopic>();
  if (MILITARY.test(text)) topics.add('military');
  if (SEXUAL_ASSAULT.test(text)) topics.add('sexual_assault');
  if (TEEN_WORDS.test(text) || TEEN_AGE.test(text)) topics.add('teen');
  if (NATIVE.test(text)) topics.add('native');
  if (MISSOURI.test(text) || MISSOURI_ABBREVIATION.test(text)) topics.add('missouri');
  if (LEGAL.test(text)) topics.add('legal');
  return topics;
}

/** The situation the hotlines must fit, read from the conversation and the sources it touched. */
export interface HotlineContext {
  text: string;
  docIds: string[];
  emergency: boolean;
  selfHarm: boolean;
  answered: boolean;
  /** The safety classifier's level, when known; danger_now and self_harm imply emergency, fear adds 911. */
  level?: SafetyLevel;
}

/** The order of fits: who to call first for this level, then the specialised lines, then the default. */
function fitsFor(context: HotlineContext, topics: Set<HotlineTopic>): HotlineFit[] {
  const selfHarm = context.selfHarm || context.level === 'self_harm';
  const emergency = context.emergency || selfHarm || context.level === 'danger_now';
  const military = topics.has('military') || context.docIds.some((id) => id === 'dodi' || id === 'mpo');
  const fits: HotlineFit[] = [];
  // Self-harm: 988 before 911, as the emergency text says; danger now that also reads as self-harm: 911, then 988.
  const dangerFirst = context.level === 'danger_now';
  if (selfHarm && !dangerFirst) fits.push('self_harm');
  if (emergency) fits.push('emergency');
  if (selfHarm && dangerFirst) fits.push('self_harm');
  if (topics.has('sexual_assault')) fits.push(military ? 'sexual_assault_military' : 'sexual_assault');
  if (military) fits.push('military');
  if (topics.has('teen')) fits.push('teen');
  if (topics.has('native')) fits.push('native');
  fits.push('default');
  // Fear: someone to talk to first, then 911 for the moment it becomes danger.
  if (!emergency && context.level === 'fear') fits.push('emergency');
  if (!emergency && topics.has('missouri')) fits.push('missouri');
  if (!emergency && !context.answered && topics.has('legal')) fits.push('legal');
  return fits;
}

/** Chooses the hotlines that fit: 911 (or 988) first in danger, then military, sexual assault, teen or general help. */
export function pickHotlines(hotlines: Hotline[], context: HotlineContext): HotlineOut[] {
  const chosen: Hotline[] = [];
  for (const fit of fitsFor(context, hotlineTopics(context.text))) {
    for (const hotline of hotlines) if (hotline.fits.includes(fit) && !chosen.includes(hotline)) chosen.push(hotline);
  }
  return chosen.map((hotline) => ({
    id: hotline.id,
    name: hotline.name,
    phone: hotline.phone,
    tty: hotline.tty,
    text: hotline.text,
    chat: hotline.chat,
    url: hotline.url,
    when: hotline.when,
  }));
}
