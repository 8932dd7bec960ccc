/**
 * The numbers starting with a typed prefix as a range on the phone's index (a LIKE would read every case):
 * from the prefix up to, not including, the prefix with its last digit below 9 raised (138 → 139, 139 → 14,
 * 0971- → 0972); a prefix of nines only has no upper end. Digits sort alike in every collation.
 */
export function phoneRange(prefix: string): { lo: string; hi: string | null } {
  for (let s = prefix; s; s = s.slice(0, -1)) {
    const last = s[s.length - 1];
    if (last >= '0' && last < '9') return { lo: prefix, hi: s.slice(0, -1) + String.fromCharCode(last.charCodeAt(0) + 1) };
  }
  return { lo: prefix, hi: null };
}
