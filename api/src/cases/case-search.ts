/**
 * Keyword search over cases for Chinese text. Chinese has no spaces between words, and the words people
 * search for are mostly two characters long (电梯, 路灯, 噪音), which a trigram index cannot serve. So each
 * searchable text is cut into overlapping character pairs (路灯不亮 → 路灯 灯不 不亮 亮: every character
 * starts one token, the last one alone) and kept in an FTS5 index (SQLite) or a GIN-indexed tsvector
 * (PostgreSQL). A word of two or more characters is then the phrase of its pairs, which matches exactly
 * where the word occurs as a substring; a single character is a prefix query. Letters are folded (NFKC,
 * lower case) on both sides, so full-width ＡＢＣ finds abc.
 *
 * The index holds the title, the description, the address and the reporter's name, each on its own
 * (a phrase never runs from one field into the next, since each field ends on a single character), and
 * the units the case lies in.
 * Case numbers are found by prefix on their own unique index.
 */
/** Runs of letters and digits (Han, Latin, digits…); everything else separates. */
const WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu;

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The tokens of one text: for every run, each character with its successor, the run's last alone. */
function tokensOf(text: string | null | undefined, out: string[]): void {
  if (!text) return;
  for (const m of fold(text).matchAll(WORD_RUN)) {
    const chars = Array.from(m[0]);
    for (const pair of pairsOf(chars)) out.push(pair);
    out.push(chars[chars.length - 1]);
  }
}

export interface SearchableCase {
  title: string;
  description?: string | null;
  address?: string | null;
  reporterName?: string | null;
  unitPath?: string | null;
}

/**
 * The token of "in the subtree of unit N": every case carries one for each unit of its path, so a search
 * within a community or grid is counted in the index alone. Text tokens are one or two characters long,
 * so these never meet a word.
 */
export const unitToken = (path: string): string => `unit${path.split('/').filter(Boolean).pop()}`;

/** The columns a case's index entry is made of, as `SearchableCase` names them (either database). */
export const SEARCHABLE_COLUMNS = 'id, title, description, address, reporter_name AS "reporterName", unit_path AS "unitPath"';

/** What the index stores for a case: its tokens, separated by spaces. */
export function searchDocument(c: SearchableCase): string {
  const out: string[] = [];
  tokensOf(c.title, out);
  tokensOf(c.description, out);
  tokensOf(c.address, out);
  tokensOf(c.reporterName, out);
  if (c.unitPath) for (const id of c.unitPath.split('/').filter(Boolean)) out.push(`unit${id}`);
  return out.join(' ');
}

/**
 * What a term asks of a case, engine-neutral: every run of letters and digits it has must occur (AND), a
 * run of two or more characters as the phrase of its pairs, a single character as the start of a token.
 */
export type TermPart = { phrase: string[] } | { prefix: string };

export function termParts(term: string): TermPart[] {
  return runsOf(term).map((chars) => (chars.length === 1 ? { prefix: chars[0] } : { phrase: pairsOf(chars) }));
}

/**
 * The FTS5 query (SQLite) for what a user typed (`termParts`), within the subtrees of these unit paths.
 * Null when the term has no letter or digit at all (then nothing can match by words).
 */
export function ftsQuery(term: string, withinPaths: readonly string[] = []): string | null {
  const parts = termParts(term).map((p) => ('prefix' in p ? `"${p.prefix}"*` : `"${p.phrase.join(' ')}"`));
  return parts.length ? [...parts, ...withinPaths.map(unitToken)].join(' AND ') : null;
}

function runsOf(term: string): string[][] {
  return [...fold(term).matchAll(WORD_RUN)].map((m) => Array.from(m[0]));
}

function pairsOf(chars: string[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) pairs.push(chars[i] + chars[i + 1]);
  return pairs;
}

/** The character pairs of a text (the index's two-character tokens), for "close" texts: 污水井堵了 ~ 污水井堵塞. */
export function textPairs(text: string | null | undefined): Set<string> {
  const out: string[] = [];
  tokensOf(text, out);
  return new Set(out.filter((t) => Array.from(t).length === 2));
}

/** Dice's coefficient of two texts' pairs: 1 the same words, 0 nothing in common. */
export function closeness(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const p of a) if (b.has(p)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * How much of a short text is found in another (电梯困人 in 电梯困人，老人被困很久了: 1), where Dice's coefficient
 * would count the other's extra words against it. Texts of fewer than three pairs say too little: 0.
 */
export function containment(typed: Set<string>, other: Set<string>): number {
  if (typed.size < 3) return 0;
  let shared = 0;
  for (const p of typed) if (other.has(p)) shared++;
  return shared / typed.size;
}
