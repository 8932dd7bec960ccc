/**
 * PostgreSQL's keyword lexemes beyond the index's tokens (case-search.ts: every character with its
 * successor, a run's last alone). A word of three or four characters searched as the phrase of its pairs
 * made PostgreSQL read every candidate's positions, for the page and for the count (污水外溢: 54,289
 * entries, 0.7 s at a million cases); as one lexeme it is answered by the GIN index without a recheck and
 * counted from `case_search_counts`, like a pair. So each entry also holds its three- and four-character
 * substrings, without positions (none is asked of them: a tsvector mixes both kinds). Migration
 * KeywordGrams adds them to entries written before, in SQL, the same way.
 */

/** The longest word that is one lexeme. */
export const LONGEST_WORD = 4;

const PAIR = 2;

/**
 * The three- and four-character words of a document's tokens: two pairs one after the other always lie
 * in one run (a run ends on its last character alone), so each further pair adds its second character.
 */
export function wordsOf(tokens: readonly string[]): Set<string> {
  const seconds = tokens.map(secondOfPair);
  const out = new Set<string>();
  seconds.forEach((second, i) => {
    let word = second === null ? null : tokens[i];
    for (let k = 1; word !== null && k <= LONGEST_WORD - PAIR && seconds[i + k] != null; k++) {
      word += seconds[i + k];
      out.add(word);
    }
  });
  return out;
}

/**
 * The second character of a two-character token, null for any other token; a Basic Multilingual Plane
 * pair read without an iterator (the generator makes a million entries: with the words, 41 µs a case
 * against 28 µs without; Array.from on every token made it 55).
 */
function secondOfPair(token: string): string | null {
  if (token.length === 2) return token.charCodeAt(0) >= 0xd800 && token.charCodeAt(0) <= 0xdbff ? null : token[1];
  if (token.length > 4) return null;
  const chars = Array.from(token);
  return chars.length === PAIR ? chars[1] : null;
}

/** A word's characters from the phrase of its pairs (case-search.ts: `termParts`). */
const charsOf = (pairs: readonly string[]) => [Array.from(pairs[0])[0], ...pairs.map((p) => Array.from(p)[1])];

/** The one lexeme a word of two to four characters is, given as the phrase of its pairs; else null. */
export function singleLexeme(pairs: readonly string[]): string | null {
  const chars = charsOf(pairs);
  return chars.length <= LONGEST_WORD ? chars.join('') : null;
}

/**
 * The tsquery of one word (the phrase of its pairs): itself when at most four characters long; else the
 * phrase, with each of its four-character pieces required too, so that the GIN index leaves few cases
 * besides the word's for the positions to rule out.
 */
export function wordQuery(pairs: readonly string[], quote: (lexeme: string) => string): string {
  const chars = charsOf(pairs);
  if (chars.length <= LONGEST_WORD) return quote(chars.join(''));
  const pieces = chars.slice(0, 1 - LONGEST_WORD).map((_, i) => quote(chars.slice(i, i + LONGEST_WORD).join('')));
  return [...pieces, `(${pairs.map(quote).join(' <-> ')})`].join(' & ');
}
