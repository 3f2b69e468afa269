import { describe, expect, it } from 'vitest';
import { detectDanger } from './danger.js';
import { presentDangerPatterns } from '../safety/evidence.js';
import { splitSentences } from '../safety/sentences.js';

describe('detectDanger', () => {
  it.each([
    'he is choking me',
    'hes hitting me please',
    'my boyfriend is beating my son',
    'someone is banging on my front door and yelling',
    'he said he is going to kill me tonight',
  ])('reads violence or a threat in the present as danger: %s', (text) => {
    expect(detectDanger(text).emergency).toBe(true);
  });

  it.each([
    'he was choking me when the neighbours called the police',
    'he has been hitting me since we got married',
    "he's been beating me for years",
    'he keeps hitting me when he drinks',
    'my ex used to be strangling me in my sleep',
    'she threatened to stab me when we argued about the car',
    "he said he'd shoot us if we ever moved out",
  ])('reads violence or a threat told as past or as a habit as no danger this minute: %s', (text) => {
    expect(detectDanger(text).emergency).toBe(false);
  });
});

describe('presentDangerPatterns', () => {
  const read = (text: string) => presentDangerPatterns(text, splitSentences(text));

  it('does not count a pattern in a sentence told in the past', () => {
    expect(read('Two years ago he kicked in the back door.').emergency).toBe(false);
    expect(read('He pulled out a knife once, in 2019.').emergency).toBe(false);
  });

  it('still counts a present sentence beside a past one, and a message with no past sentence read whole', () => {
    expect(read('He broke the window last year. Now he is banging on the door.').emergency).toBe(true);
    expect(read('please help. he is outside my house').emergency).toBe(true);
  });

  it('counts self-harm words wherever they are', () => {
    expect(read('Last year I was suicidal and I still think about ending my life.')).toEqual({ emergency: true, selfHarm: true });
  });
});
