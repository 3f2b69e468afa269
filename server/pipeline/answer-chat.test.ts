import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ChatResponse } from '../contract.js';
import { searchSections } from './search.js';
import type { Runtime } from '../runtime.js';
import { getTestRuntime } from '../testing/test-runtime.js';
import { expectContract } from '../test-helpers.js';
import { answerChat } from './answer-chat.js';

let runtime: Runtime;
beforeAll(async () => {
  runtime = await getTestRuntime();
});

const user = (content: string): ChatMessage => ({ role: 'user', content });

async function ask(...turns: string[]): Promise<ChatResponse> {
  const messages = turns.map((content, index): ChatMessage => ({ role: index % 2 === 0 ? 'user' : 'assistant', content }));
  const response = await answerChat(runtime, { messages });
  expectContract(response);
  return response;
}

const cited = (response: ChatResponse) => response.citations.map((citation) => citation.sectionId);

describe('retrieval on paraphrased questions', () => {
  const expectations: Array<[string, string]> = [
    ['if the abuser breaks the order can the police arrest him', 'mo:orders-protection-domestic-violence/what-can-i-do-if-the-abuser-violates-the-order'],
    ['which county do I go to to file', 'mo:orders-protection-domestic-violence/in-which-county-can-i-file-for-an-order-of-protection'],
    ['do i have to pay anything to ask for an order of protection', 'mo:orders-protection-domestic-violence/how-much-does-it-cost-to-get-an-order-of-protection-do-i-need-a-lawyer'],
    ['my order is from kansas, does missouri have to respect it', 'mo:enforcing-out-of-state-order-missouri/can-i-get-my-protection-order-enforced-in-missouri-what-are-the-requirements'],
    ['can a commander make a civilian stay off the base', 'mpo:what-is-a-military-protective-order-mpo'],
    ['what does the glossary say an MPO is', 'dodi:G.2/mpo'],
    ['how fast must the commander reach the new unit when the soldier is reassigned', 'dodi:3.5.d.(4)'],
  ];
  for (const [question, sectionId] of expectations) {
    it(question, async () => {
      const ranked = await searchSections(runtime.snapshot.search, { messages: [user(question)], mode: 'hybrid', limit: 5 });
      expect(ranked.map((entry) => entry.section.id)).toContain(sectionId);
    });
  }

  it('lexical, vector and hybrid modes each rank on their own evidence', async () => {
    const question = 'DD Form 2873-1';
    const modes = await Promise.all(
      (['lexical', 'vector', 'hybrid'] as const).map((mode) => searchSections(runtime.snapshot.search, { messages: [user(question)], mode, limit: 5 })),
    );
    for (const ranked of modes) expect(ranked.length).toBeGreaterThan(0);
    expect(modes[0][0].similarity).toBe(0);
    expect(modes[1][0].similarity).toBeGreaterThan(0);
  });
});

describe('answers', () => {
  it('quotes the Missouri duration rule with its statute', async () => {
    const response = await ask('how long will a final protection order protect me in Missouri?');
    expect(response.status).toBe('answered');
    expect(response.answer).toContain('between 180 days and one year');
    expect(response.citations.some((citation) => citation.locator.includes('MO ST § 455.040(1), (4)'))).toBe(true);
  });

  it('follows up on the conversation: "and for cancelling one?" after issuing an MPO', async () => {
    const response = await ask('How does a commander issue an MPO?', 'A commander uses DD Form 2873 to issue an MPO.', 'and for cancelling one?');
    expect(response.status).toBe('answered');
    expect(response.answer).toContain('DD Form 2873-1');
    expect(cited(response)).toContain('dodi:3.5.d.(3)');
  });

  it('does not cite the same answer twice when it appears under two headings', async () => {
    const response = await ask('what can a full order of protection make the abuser do about rent and child support');
    const ids = cited(response);
    const twins = new Set(ids.filter((id) => id.includes('what-protections-can-i-get')));
    expect(twins.size).toBe(1);
  });

  it('says plainly when the documents do not answer, with the hotlines that fit', async () => {
    const response = await ask('How much is the court filing fee in Nebraska for a restraining order?');
    expect(response.status).toBe('not_found');
    expect(response.citations).toEqual([]);
    expect(response.hotlines.map((hotline) => hotline.id)).toEqual(expect.arrayContaining(['ndvh', 'womenslaw-email']));
    const military = await ask('Can the Navy stop my husband from getting promoted because of the abuse in Guam?');
    expect(['not_found', 'out_of_scope']).toContain(military.status);
    expect(military.hotlines.map((hotline) => hotline.id)).toContain('military-onesource');
  });

  it('treats an unrelated question as out of scope', async () => {
    const response = await ask('what time does the football game start tonight');
    expect(response.status).toBe('out_of_scope');
    expect(response.hotlines.length).toBeGreaterThan(0);
  });

  it('does not answer a question whose subject the documents never mention, however many of its other words they use', async () => {
    // Known words ("MPO", "protective order") and an unknown subject ("VA home loan", "world series").
    for (const question of ['does an MPO affect his VA home loan', 'who is going to win the world series this year']) {
      const response = await ask(question);
      expect(['not_found', 'out_of_scope'], question).toContain(response.status);
      expect(response.citations).toEqual([]);
      expect(response.hotlines.length).toBeGreaterThan(0);
    }
  });

  // Known shortfall of the staged pipeline (issue 10 note): the stand-in "maintenance" is searched, but the
  // fused ranking leads with the fees section. it.fails flips to a failure the day this answers right.
  it.fails("searches the documents' own word for one they never use (alimony -> maintenance)", async () => {
    const response = await ask('will the judge make him pay me alimony');
    expect(response.status).toBe('answered');
    expect(response.citations.some((citation) => /spousal support \(maintenance\)/.test(citation.quote))).toBe(true);
  });

  it("answers from a Q&A section's opening when its question matches, whatever words the answer uses", async () => {
    const response = await ask('if somebody looks me up online will they find my protective order?');
    expect(response.status).toBe('answered');
    expect(cited(response)[0]).toBe('mo:orders-protection-domestic-violence/if-i-get-a-protection-order-will-it-show-up-in-an-internet-search');
    expect(response.answer.split('\n')[0]).toMatch(/not supposed to make available publicly on the internet/);
  });

  it('reads staff shorthand for a definition ("MPO meaning", "definition of ...")', async () => {
    for (const [question, sectionId] of [
      ['MPO meaning', 'dodi:G.2/mpo'],
      ['glossary definition of intimate partner', 'dodi:G.2/intimate-partner'],
    ]) {
      const response = await ask(question);
      expect(response.citations[0]?.sectionId, question).toBe(sectionId);
    }
  });

  it('quotes the acronym table only to spell out an abbreviation', async () => {
    const spelled = await ask('what does PCS stand for');
    expect(spelled.citations[0]?.sectionId).toBe('dodi:G.1');
    expect(spelled.answer.split('\n')[0]).toMatch(/PCS: permanent change of station/);
    const other = await ask('does his command have to respect my MPO while we are stationed in italy');
    expect(cited(other)).not.toContain('dodi:G.1');
  });

  it('puts 911 first when someone is in danger now, with no legal text', async () => {
    const response = await ask('please help he just broke the window and hes coming in with a knife');
    expect(response.status).toBe('emergency');
    expect(response.answer.split('\n')[0]).toMatch(/call 911/);
    expect(response.hotlines[0].phone).toBe('911');
    expect(response.citations).toEqual([]);
    const military = await ask('my husband is a marine and he is threatening to shoot me right now');
    expect(military.hotlines.map((hotline) => hotline.id)).toEqual(['emergency', 'military-onesource', 'ndvh']);
  });

  it('answers abuse told with no question asked from the documents\' help on getting safe, never "not found"', async () => {
    const response = await ask('He used to lock me in the closet when he got angry.');
    expect(response.status).toBe('answered');
    expect(response.answer.split('\n')[0]).toMatch(/call 911/);
    expect(response.citations.length).toBeGreaterThan(0);
    expect(response.hotlines.length).toBeGreaterThan(0);
    expect(response.notices.map((notice) => notice.kind)).toContain('safety');
    // Nothing says military: the help comes from the civilian page, with no military hotline.
    expect(new Set(response.citations.map((citation) => citation.docId))).toEqual(new Set(['mo']));
    expect(response.hotlines.map((hotline) => hotline.id)).not.toContain('military-onesource');
  });

  it('keeps 911 first and adds 988 when danger now also reads as self-harm', async () => {
    const response = await ask('my roommate swallowed a whole bottle of pills and she is not breathing right');
    expect(response.status).toBe('emergency');
    expect(response.hotlines.slice(0, 2).map((hotline) => hotline.id)).toEqual(['emergency', '988']);
    expect(response.answer.split('\n')[0]).toMatch(/call 911/);
    expect(response.answer).toMatch(/988/);
  });

  it('puts danger told in the present first even when a legal question follows it', async () => {
    const response = await ask('my husband is hitting me right now, will the MPO let the MPs come?');
    expect(response.status).toBe('emergency');
    expect(response.citations).toEqual([]);
  });

  it('does not mistake a legal question about guns for an emergency', async () => {
    const response = await ask('Will the judge take away his firearms if I get a full order?');
    expect(response.status).toBe('answered');
  });

  it('brings in the current rule and a conflict notice when the 2013 page is quoted', async () => {
    const response = await ask('If my husband gets orders to a different duty station, is the MPO still good?');
    expect(response.status).toBe('answered');
    expect(cited(response)).toEqual(expect.arrayContaining(['mpo:what-is-a-military-protective-order-mpo']));
    expect(cited(response).some((id) => id.startsWith('dodi:3.5.d.'))).toBe(true);
    const notice = response.notices.find((entry) => entry.kind === 'source_conflict');
    expect(notice?.message).toMatch(/DoDI 6400\.06/);
    expect(notice?.message).toMatch(/7 calendar days/);
  });
});
