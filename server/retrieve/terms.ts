/** Words too common to tell passages apart; dropped from lexical matching and overlap scores. */
export const STOPWORDS = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below between both but by
  can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further get gets got had hadn't has
  hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is
  isn't it it's its itself just let's me might more most must mustn't my myself no nor not of off on once only or other ought our ours
  ourselves out over own same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them
  themselves then there there's these they they'd they'll they're they've this those through to too under until up very was wasn't we
  we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's will with won't would
  wouldn't you you'd you'll you're you've your yours yourself yourselves s t im ive dont cant wont whats hes shes theyre id one ones
  please thanks thank hi hello okay ok yes really still even ever much many way thing things know want need tell like
  make makes made making go goes going gone went get gets getting got let lets say says said come comes came put puts
  anything something someone anyone everyone anybody somebody also just maybe whether told`.split(/\s+/),
);

/** Statute, paragraph and form numbers kept whole: "455.040", "3.5.d", "2873-1", "922(g)(9)". */
const REFERENCE_TOKEN = /\d+(?:\.\d+)+(?:\.[a-z])?(?:\.?\(\d+\))*|\d{3,5}-\d+|\d+\([a-z0-9]+\)(?:\([a-z0-9]+\))*/gi;

const stems = new Map<string, string>();
const MAX_STEMS = 50_000;

/** A light suffix stemmer: enough to meet "cancelling" with "cancel" and "orders" with "order". Memoised: the corpus and queries reuse few words. */
export function stem(word: string): string {
  const known = stems.get(word);
  if (known !== undefined) return known;
  const result = stemWord(word);
  // Bounded, so a flood of made-up words cannot grow it without end.
  if (stems.size >= MAX_STEMS) stems.clear();
  stems.set(word, result);
  return result;
}

function stemWord(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3 || /\d/.test(w)) return w;
  w = w.replace(/'s$/, '');
  for (const [suffix, replacement] of [
    ['ational', 'ate'], ['ization', 'ize'], ['ations', 'ate'], ['ation', 'ate'], ['iveness', 'ive'], ['fulness', 'ful'],
    ['ements', ''], ['ement', ''], ['ments', ''], ['ment', ''], ['ities', ''], ['ity', ''], ['ings', ''], ['ing', ''], ['ied', 'y'],
    ['ies', 'y'], ['edly', ''], ['ed', ''], ['ly', ''], ['es', ''], ['s', ''],
  ] as const) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ll') && w.length > 5) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** Lower-cased word tokens plus whole reference tokens, in order. */
export function tokenize(text: string): string[] {
  // "ex parte" is one term: otherwise "my ex" would match every ex parte order.
  const lower = text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\bex[\s-]+parte\b/g, 'exparte');
  const references = lower.match(REFERENCE_TOKEN) ?? [];
  const words = lower.replace(REFERENCE_TOKEN, ' ').match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
  return [...words, ...references.map((reference) => reference.replace(/\.$/, ''))];
}

/** Stemmed content terms of a text (stopwords dropped); references kept verbatim. */
export function contentTerms(text: string): string[] {
  return tokenize(text)
    .filter((token) => !STOPWORDS.has(token) && (token.length > 1 || /\d/.test(token)))
    .map((token) => (/\d/.test(token) ? referenceBase(token) : stem(token)));
}

/** "455.040(1)" -> "455.040", "3.5.d.(3)" -> "3.5.d": the part people type when they look a rule up. */
export function referenceBase(token: string): string {
  return token.replace(/\.?\(.*$/, '').replace(/\.$/, '');
}

/** Reference-like tokens a person typed: statute, paragraph or form numbers. */
export function referenceTokens(text: string): string[] {
  return (text.toLowerCase().match(REFERENCE_TOKEN) ?? []).map((reference) => reference.replace(/\.$/, ''));
}
