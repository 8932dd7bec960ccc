import { fieldLabel, RECORD_LABELS } from './field-labels.js';
import { MESSAGES, type MessageKey } from './messages.js';
import { anyWord, word, type WordSet } from './words.js';

export type Locale = 'zh' | 'en';

/**
 * A message not yet in a language: a catalogue code and its parameters. Errors carry these; the exception
 * filter renders them in the language the request asked for.
 */
export interface Text {
  key: MessageKey;
  params?: Params;
}

/** A code the reader knows by a word: a status, role, action, field or record name (the code itself in English). */
export interface Word {
  set: WordSet | 'field' | 'record' | 'any';
  code: string;
}

export type Param = string | number | null | undefined | Text | Word | readonly Param[];
export type Params = Record<string, Param>;

export const text = (key: MessageKey, params?: Params): Text => (params ? { key, params } : { key });

/** One code (or each of a list of codes) shown as a word of a set: `words('status', 'closed')` → 已办结. */
export function words(set: Word['set'], code: string): Word;
export function words(set: Word['set'], codes: readonly string[]): Word[];
export function words(set: Word['set'], codes: string | readonly string[]): Word | Word[] {
  return typeof codes === 'string' ? { set, code: codes } : codes.map((code) => ({ set, code }));
}

const isText = (p: object): p is Text => 'key' in p;

function wordIn(w: Word, locale: Locale): string {
  if (locale === 'en') return w.code;
  if (w.set === 'field') return fieldLabel(w.code);
  if (w.set === 'record') return RECORD_LABELS[w.code] ?? w.code;
  if (w.set === 'any') return anyWord(w.code);
  return word(w.set, w.code) ?? w.code;
}

function param(p: Param, locale: Locale): string {
  if (p === null || p === undefined) return '';
  if (Array.isArray(p)) {
    if (!p.length) return render(text('nothing'), locale);
    // Sentences are joined as clauses, words as a list.
    const sentences = p.every((x) => typeof x === 'object' && x !== null && isText(x as object));
    return p.map((x) => param(x, locale)).join(sentences ? (locale === 'zh' ? '；' : '; ') : locale === 'zh' ? '、' : ', ');
  }
  if (typeof p === 'object') return isText(p as object) ? render(p as Text, locale) : wordIn(p as Word, locale);
  return String(p);
}

export function render(t: Text, locale: Locale): string {
  const template: string = MESSAGES[t.key][locale];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => param(t.params?.[name], locale));
}

/**
 * The language of an `Accept-Language` header: English when the most preferred of zh and en is English,
 * Chinese otherwise (and when the header names neither or is absent).
 */
export function localeOf(acceptLanguage: string | string[] | undefined): Locale {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  let best: { locale: Locale; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag, ...attrs] = part.trim().toLowerCase().split(';');
    const locale = tag.startsWith('en') ? 'en' : tag.startsWith('zh') ? 'zh' : undefined;
    if (!locale) continue;
    const qAttr = attrs.map((a) => a.trim()).find((a) => a.startsWith('q='));
    const q = qAttr ? Number(qAttr.slice(2)) : 1;
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? 'zh';
}
