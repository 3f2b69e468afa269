import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadHotlines } from '../../ingest/corpus.js';
import { hotlineTopics, pickHotlines, type HotlineTopic } from './hotline-picker.js';

const hotlines = loadHotlines(fileURLToPath(new URL('../../corpus', import.meta.url)));

// Each phrasing with exactly the topics it is about; an empty list means only the default line fits.
const TABLE: Array<[string, HotlineTopic[]]> = [
  // The two misfires that started this: a word inside another word, an adult's age.
  ['I moved here from outside the United States, is the protection the same', []],
  ['my 45 years old husband pushes me around', []],
  ['He has lived in the United States for ten years.', []],
  ['my husband is 45 years old and controls all the money', []],
  ['we have been together 15 years and he yells every day', []],
  ["I'm 15 minutes from his place and I never want to go back", []],
  ['my community unity group told me to call someone', []],
  ['he plays baseball on weekends and drinks after', []],
  ['he told me my database job does not count as work', []],
  ['he commands me around like a dog', []],
  ['the dodge in the driveway is his', []],
  ['he said something racist about Native people at the store', []],
  ['I made a reservation at a hotel to get away', []],
  ['can you tell me more', []],
  ['he says im a minority in this house, whatever that means', []],
  // Military, in survivor and staff words.
  ['my husband is in the army', ['military']],
  ['he is active-duty Navy', ['military']],
  ['my boyfriend is a Marine stationed at Camp Lejeune', ['military']],
  ['Caller is a spouse of a service member', ['military']],
  ['he comes back from deployment next month', ['military']],
  ['can his commander do anything', ['military']],
  ['will his unit find out if I report', ['military']],
  ['we live on base', ['military']],
  ['is the FAP office confidential', ['military']],
  ['does DoDI 6400.06 say who can see the record', ['military']],
  ['he is a reservist and goes to drill weekend', ['military']],
  ['my ex is a veteran with PTSD', ['military']],
  ['she is in the Air Force', ['military']],
  ['he is a coast guard petty officer', ['military']],
  ['does an MPO follow a PCS move', ['military']],
  ['he sleeps in the barracks now', ['military']],
  // Sexual assault.
  ['he raped me', ['sexual_assault']],
  ['I was sexually assaulted by my ex', ['sexual_assault']],
  ['my partner forced me to have sex', ['sexual_assault']],
  ['my stepdad molested me when I was little', ['sexual_assault']],
  ['caller disclosed sexual abuse by her partner', ['sexual_assault']],
  ['a soldier raped me on base', ['military', 'sexual_assault']],
  ['I want to talk to a SARC', ['military', 'sexual_assault']],
  // Teens, by word or by an age said as an age.
  ["I'm 16 and my boyfriend hits me", ['teen']],
  ['im 17 and scared of my ex', ['teen']],
  ['my daughter is a teenager and her boyfriend controls her phone', ['teen']],
  ['she is 15 years old', ['teen']],
  ['my 14 year old is being threatened by her ex', ['teen']],
  ['I am in high school', ['teen']],
  ['he is 16yo and stalking my daughter', ['teen']],
  ['can a minor get protection', ['teen']],
  ['I am nineteen and live with my parents', ['teen']],
  // Native.
  ['I am Native American', ['native']],
  ['she is Alaska Native', ['native']],
  ['we live on the reservation', ['native']],
  ['does tribal court have its own orders', ['native', 'legal']],
  ['I am Indigenous and do not trust the police', ['native']],
  // Missouri.
  ['I live in Missouri', ['missouri']],
  ['we are in St. Louis', ['missouri']],
  ['I am in Kansas City', ['missouri']],
  ['MO rules for stalking', ['missouri']],
  ['he moved to Joplin', ['missouri']],
  ['what does RSMo 455 say', ['missouri']],
  ['mo money mo problems, he says', []],
  // Legal.
  ['how do I file', ['legal']],
  ['do I need a lawyer', ['legal']],
  ['what happens at the hearing', ['legal']],
  ['can the judge give me custody', ['legal']],
  ['how long does an ex parte last in Missouri', ['legal', 'missouri']],
  ['can his commander issue a protective order', ['legal', 'military']],
  ['he ordered pizza and left', []],
];

describe('hotlineTopics', () => {
  it.each(TABLE)('%s', (text, expected) => {
    expect([...hotlineTopics(text)].sort()).toEqual([...expected].sort());
  });

  it('has at least 60 phrasings', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
  });
});

const base = { docIds: [], emergency: false, selfHarm: false, answered: false };
const ids = (text: string, extra: Partial<Parameters<typeof pickHotlines>[1]> = {}) => pickHotlines(hotlines, { ...base, text, ...extra }).map((hotline) => hotline.id);

describe('pickHotlines', () => {
  it('does not send someone in the United States to the military line, nor a 45-year-old to the teen line', () => {
    expect(ids('I live in the United States')).toEqual(['ndvh']);
    expect(ids('my 45 years old husband hits me')).toEqual(['ndvh']);
  });

  it('puts 911 first in danger, then the fitting line', () => {
    expect(ids('my husband is a marine and is outside', { level: 'danger_now' })).toEqual(['emergency', 'military-onesource', 'ndvh']);
  });

  it('puts 988 first for self-harm, then 911, then the domestic violence line', () => {
    expect(ids('i want to die', { level: 'self_harm' })).toEqual(['988', 'emergency', 'ndvh']);
    expect(ids('i want to die', { emergency: true, selfHarm: true })).toEqual(['988', 'emergency', 'ndvh']);
  });

  it('keeps 911 first for danger now that also reads as self-harm, with 988 next', () => {
    expect(ids('my sister took all her pills and wont wake up', { level: 'danger_now', selfHarm: true })).toEqual(['emergency', '988', 'ndvh']);
  });

  it('gives fear someone to talk to first, then 911', () => {
    expect(ids('I am scared of him', { level: 'fear' })).toEqual(['ndvh', 'emergency']);
  });

  it('fits military sexual assault to the DoD Safe Helpline', () => {
    expect(ids('a sailor raped me')).toEqual(['dod-safe-helpline', 'military-onesource', 'ndvh']);
  });

  it('adds the Missouri coalition and the legal line only outside an emergency', () => {
    expect(ids('how do I file in St. Louis')).toEqual(['ndvh', 'mocadsv', 'womenslaw-email']);
    expect(ids('how do I file in St. Louis', { emergency: true })).toEqual(['emergency', 'ndvh']);
  });

  it('still reads military from the documents an answer drew on', () => {
    expect(ids('how long does it last', { docIds: ['dodi'], answered: true })).toEqual(['military-onesource', 'ndvh']);
  });
});
