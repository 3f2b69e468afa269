// The evaluation keeps its own tokenizer, stopwords and stemmer on purpose: if it borrowed the
// server's, a change to retrieval code would silently change how answers are graded.

const STOPWORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by can ' +
    'could did do does doing down during each few for from further had has have having he her here hers herself him himself his ' +
    'how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves ' +
    'out over own same she should so some such than that the their theirs them themselves then there these they this those through ' +
    'to too under until up very was we were what when where which while who whom why will with would you your yours yourself ' +
    'yourselves s t also may must shall might upon per via e g eg ie etc its ' +
    'isn aren wasn weren don doesn didn won wouldn shouldn couldn hasn haven hadn ll re ve'
  ).split(' '),
);

/** Lower-cases and folds typographic quotes, so "child’s" and "child's" compare equal. */
function fold(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\u2018\u2019\u201c\u201d]/g, "'");
}

/**
 * Normalises text for verbatim-ish fact matching: lower case, every run of punctuation or
 * whitespace becomes one space. "DD Form 2873-1" and "dd form 2873 1" are then equal.
 */
export function normaliseForMatch(text: string): string {
  return fold(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** True when `fact` occurs in `text` after normalising both, starting at a word boundary. */
export function containsFact(text: string, fact: string): boolean {
  const needle = normaliseForMatch(fact);
  if (needle.length === 0) return true;
  return ` ${normaliseForMatch(text)}`.includes(` ${needle}`);
}

/** Strips common English suffixes so "orders", "ordered" and "ordering" meet at "order". */
export function stem(word: string): string {
  if (/^\d+$/.test(word) || word.length <= 3) return word;
  let result = word;
  if (result.endsWith('ies') && result.length > 4) result = `${result.slice(0, -3)}y`;
  else if (result.endsWith('sses')) result = result.slice(0, -2);
  else if (/(ch|sh|x|z)es$/.test(result)) result = result.slice(0, -2);
  else if (result.endsWith('s') && !result.endsWith('ss') && !result.endsWith('us') && !result.endsWith('is')) result = result.slice(0, -1);
  for (const suffix of ['ing', 'ed', 'ly']) {
    if (result.endsWith(suffix) && result.length - suffix.length >= 3) {
      result = result.slice(0, -suffix.length);
      // "stopped" -> "stopp" -> "stop", so the doubled consonant does not split a stem in two.
      if (/([b-df-hj-np-tv-z])\1$/.test(result) && !result.endsWith('ll') && !result.endsWith('ss')) result = result.slice(0, -1);
      break;
    }
  }
  return result;
}

/** Content words of a text: tokens that are numbers or two or more letters, minus stopwords, stemmed. */
export function contentWords(text: string): string[] {
  const tokens = fold(text).split(/[^a-z0-9]+/).filter(Boolean);
  return tokens.filter((token) => (/^\d+$/.test(token) || token.length >= 2) && !STOPWORDS.has(token)).map(stem);
}

/** Share of the claim's distinct content words that also occur in the evidence (1 when the claim has none). */
export function overlap(claim: string, evidence: string): number {
  const claimWords = new Set(contentWords(claim));
  if (claimWords.size === 0) return 1;
  const evidenceWords = new Set(contentWords(evidence));
  let shared = 0;
  for (const word of claimWords) if (evidenceWords.has(word)) shared += 1;
  return shared / claimWords.size;
}
