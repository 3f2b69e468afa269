import { describe, expect, it } from 'vitest';
import { detectDanger } from '../../server/answer/danger.js';
import { soundsLikeDanger } from './danger-words.js';

// General sentences of the kinds the list is for, and of the kinds it must leave to the server.
const DANGER = [
  'he is outside my door right now',
  "She's banging on the front door",
  'my ex is coming over and he has a gun',
  'he says he’ll kill me tonight',
  'he is hitting me',
  'I am not safe right now',
  'please help he is here',
  'I want to kill myself',
];
const NOT_DANGER = [
  'how long does a full order of protection last',
  'he was hitting me last year, can I still get an order',
  'can the order make him give up his guns',
  'what is a military protective order',
  'my husband used to threaten me',
];

describe('offline danger words', () => {
  it('recognises present danger', () => {
    for (const message of DANGER) expect(soundsLikeDanger(message), message).toBe(true);
  });

  it('leaves questions about the past, and about the law, to the server', () => {
    for (const message of NOT_DANGER) expect(soundsLikeDanger(message), message).toBe(false);
  });

  it('never calls a message an emergency that the server would not', () => {
    for (const message of [...DANGER, ...NOT_DANGER]) {
      if (soundsLikeDanger(message)) expect(detectDanger(message).emergency, message).toBe(true);
    }
  });
});
