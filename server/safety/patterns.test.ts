import { describe, expect, it } from 'vitest';
import { asksQuestion, saysSelfHarm, saysViolenceNow, saysWeaponNow, toldInPast } from './patterns.js';

describe('must-not-miss patterns', () => {
  it.each([
    ['I am going to kill myself', true],
    ['i wanna die', true],
    ["i don't want to be alive anymore", true],
    ['I swallowed a whole bottle of my pills', true],
    ['i overdosed', true],
    ['up on the bridge thinking about jumping', true],
    ['im going to jump off the overpass', true],
    ['he wants to jump the line at court, can he', false],
    ['he threatened to kill himself if I left', false],
    ['my friend took all her pills', false],
    ['this case is killing me', false],
  ])('self-harm: %s', (text, expected) => expect(saysSelfHarm(text)).toBe(expected));

  it.each([
    ['he is at the back door with a shotgun', true],
    ["he's aiming his pistol at my son", true],
    ['hes got a knife to my throat', true],
    ['he is outside my window with a crowbar', true],
    ['he is driving over here with his rifle', true],
    ['he aimed a pistol at me in 2020', false],
    ['he is a hunter with a rifle license, does the order take it', false],
    ['can the judge take his guns', false],
  ])('weapon now: %s', (text, expected) => expect(saysWeaponNow(text)).toBe(expected));

  it('tells past from now, and a legal question from a plea', () => {
    expect(toldInPast('he choked me two years ago')).toBe(true);
    expect(toldInPast('he used to choke me and he is choking me right now')).toBe(false);
    expect(asksQuestion('can the order cover my car')).toBe(true);
    expect(asksQuestion('what do I do, he is here')).toBe(false);
    // A question typed on after the story with no stop, and a plea that is not one.
    expect(asksQuestion('he shoved me into the wall on friday, can a judge order him to move out')).toBe(true);
    expect(asksQuestion('we broke up in may and does the order still cover my new place')).toBe(true);
    expect(asksQuestion('he is outside and he is yelling, i am so scared')).toBe(false);
    expect(asksQuestion('he came in drunk, when he saw me he grabbed my hair and did the same to my son')).toBe(false);
    expect(asksQuestion('he moved out in june, how do i get the order to cover my new job')).toBe(true);
    expect(toldInPast('he threw a plate at me yesterday')).toBe(true);
    expect(toldInPast('he came by last night and he is still here')).toBe(false);
  });
});

describe('saysViolenceNow', () => {
  it.each([
    'my husband is hitting me right now, will the MPO let the MPs come?',
    'hes kicking my front door in can the police arrest him if i have an order',
    'my ex is in my backyard right now, is that a violation',
    'she is beating my little brother',
    'hes slamming me against the fridge',
    'he is breaking the bedroom door down',
  ])('reads violence or a break-in told in the present tense: %s', (text) => {
    expect(saysViolenceNow(text)).toBe(true);
  });

  it.each([
    "he's been hitting me for years, can i get an order",
    'he was choking me when the police came',
    'he keeps hitting me when he drinks',
    'he is always hitting me',
    'he is hitting on my sister at work, is that harassment',
    'he is at my house to pick up the kids, can the order set a time for that',
  ])('leaves past, habitual and harmless present tense alone: %s', (text) => {
    expect(saysViolenceNow(text)).toBe(false);
  });
});
