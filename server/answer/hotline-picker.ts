import type { Hotline, HotlineFit } from '../../ingest/corpus.js';
import type { HotlineOut } from '../contract.js';

const MILITARY = /\b(military|service ?member|soldier|sailor|airman|airmen|marine|navy|army|air force|coast guard|national guard|active duty|deploy\w*|base|installation|command(er|ing)?|co\b|mpo|fap|dava|pcs|barracks|unit|dod|veteran|spouse is in)/i;
const SEXUAL_ASSAULT = /\b(rape\w*|raped|sexual(ly)? assault\w*|sexual abuse|molest\w*|forced me to have sex|sexual)\b/i;
const TEEN = /\b(teen|teens|teenager|high ?school|middle school|i'?m (1[2-9]|1[0-9]) |i am (1[2-9]) |years? old|dating|my parents|minor)\b/i;
const NATIVE = /\b(native american|alaska native|tribal|tribe|reservation|indigenous)\b/i;
const MISSOURI = /\b(missouri|mo\b|st\.? louis|kansas city|springfield|columbia)\b/i;
const LEGAL = /\b(court|judge|order|law|legal|lawyer|attorney|custody|divorce|file|petition|statute|rights?)\b/i;

/** The situation the hotlines must fit, read from the conversation and the sources it touched. */
export interface HotlineContext {
  text: string;
  docIds: string[];
  emergency: boolean;
  selfHarm: boolean;
  answered: boolean;
}

/** Chooses the hotlines that fit: 911 first in danger, then military, sexual assault, teen or general help. */
export function pickHotlines(hotlines: Hotline[], context: HotlineContext): HotlineOut[] {
  const fits: HotlineFit[] = [];
  const military = MILITARY.test(context.text) || context.docIds.some((id) => id === 'dodi' || id === 'mpo');
  const sexualAssault = SEXUAL_ASSAULT.test(context.text);
  if (context.emergency) fits.push('emergency');
  if (context.selfHarm) fits.push('self_harm');
  if (sexualAssault) fits.push(military ? 'sexual_assault_military' : 'sexual_assault');
  if (military) fits.push('military');
  if (TEEN.test(context.text)) fits.push('teen');
  if (NATIVE.test(context.text)) fits.push('native');
  fits.push('default');
  if (!context.emergency && MISSOURI.test(context.text)) fits.push('missouri');
  if (!context.emergency && !context.answered && LEGAL.test(context.text)) fits.push('legal');
  const chosen: Hotline[] = [];
  for (const fit of fits) {
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
