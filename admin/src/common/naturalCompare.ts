/**
 * Names the way people count them: 1号, 2号 … 10号 (not 1号, 10号, 2号), 第一片区 before 第二片区 (not by pinyin,
 * er < san < yi), Chinese collation for the rest. One collator for every call: one per comparison is slow.
 */
const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十 → 20, 九十九 → 99 (names number their parts well below a hundred). */
function chineseNumber(s: string): number {
  const ten = s.indexOf('十');
  if (ten < 0) return [...s].reduce((n, ch) => n * 10 + DIGITS[ch], 0);
  const tens = ten === 0 ? 1 : DIGITS[s[ten - 1]];
  const ones = ten === s.length - 1 ? 0 : DIGITS[s[ten + 1]];
  return tens * 10 + ones;
}

/** A name with its Chinese numerals written in digits, for the numeric collation to count. */
const key = (name: string) => name.replace(/[零〇一二两三四五六七八九]?十[一二三四五六七八九]?|[零〇一二两三四五六七八九]+/g, (m) => String(chineseNumber(m)));

export const naturalCompare = (a: string, b: string): number => collator.compare(key(a), key(b)) || collator.compare(a, b);
