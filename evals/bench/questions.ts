/** One benchmark conversation; most are single questions, a few are follow-ups that lean on an earlier turn. */
export type BenchConversation = Array<{ role: 'user' | 'assistant'; content: string }>;

const single = (content: string): BenchConversation => [{ role: 'user', content }];
const followUp = (first: string, then: string): BenchConversation => [
  { role: 'user', content: first },
  { role: 'assistant', content: 'Here is what the documents say [1].' },
  { role: 'user', content: then },
];

/**
 * Written for the benchmark (not taken from the eval cases): varied wording, lengths and topics, including
 * questions the documents cannot answer and one emergency, so every answer path is timed.
 */
export const BENCH_CONVERSATIONS: BenchConversation[] = [
  single('How do I ask a Missouri court for an order of protection?'),
  single('what counts as domestic violence under missouri law'),
  single('My ex keeps showing up at my job. Is that stalking in Missouri?'),
  single('How long is a full order of protection good for?'),
  single('can an ex parte order be extended'),
  single('Do I have to pay a fee to file for a protection order in MO?'),
  single('What happens at the hearing after I get a temporary order?'),
  single('Can the order make him stay away from my kids too?'),
  single('who can file for an adult abuse order — does dating count?'),
  single('Is there a way to get an order if I am under 18?'),
  single('What if the abuser violates the order of protection?'),
  single('Can I get my order renewed before it runs out, and for how long?'),
  single('Does a Missouri order still work if I move to Kansas?'),
  single('what is a military protective order'),
  single('Who issues an MPO, the commander or a judge?'),
  single('Is an MPO enforceable by civilian police off base?'),
  single('Can I have both a civilian protection order and an MPO at once?'),
  single('my husband is a soldier, how do I report abuse to his command'),
  single('What does DoDI 6400.06 say about the Family Advocacy Program?'),
  single('What is a restricted report of domestic abuse in the military?'),
  single('Can a victim advocate keep what I tell them confidential?'),
  single('what is the incident determination committee'),
  single('Does the military have to tell me when an MPO is issued or ends?'),
  single('Can a service member lose their gun because of a protective order?'),
  single('What support is there for a military spouse who is being abused?'),
  single('para. 3.5 of the instruction — what does it cover?'),
  single('MO ST § 455.040 how long'),
  single('What is the difference between an unrestricted and a restricted report?'),
  single('Can I get a protective order against a neighbour who harasses me?'),
  single('What is the best recipe for lasagna?'),
  single('How do I file my federal taxes?'),
  single('Who won the world cup in 2018?'),
  single('He is outside my door right now with a knife and I am scared'),
  followUp('How do I get an order of protection in Missouri?', 'and how long does it last?'),
  followUp('What is a military protective order?', 'can it be transferred to a new base?'),
  followUp('Can a court order him to leave our home?', 'what about the car?'),
  followUp('Tell me about the Family Advocacy Program', 'who runs it?'),
  single('what r the steps 2 get a restraining order in st louis'),
  single('Could a judge order counseling for the abuser as part of the order?'),
  single('If my abuser is a civilian but I am in the Army, what protections do I have?'),
];

/** Short staff lookups for the instant (as-you-type) search. */
export const BENCH_LOOKUPS = ['ex parte', 'stalk', 'MPO', 'renew', 'firearm', 'commander', 'Family Advoc', 'restricted report', '455.040', 'hearing', 'child custody', 'violation'];
