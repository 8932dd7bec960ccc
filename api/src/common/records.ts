/**
 * A record's own fields but one, in their order, as a plain object: what a service presents of an entity
 * it must not show whole (a case's unit path, a resident's).
 *
 * Not `const { key, ...rest } = row`: object rest that leaves a key out builds a dictionary-mode object, which
 * V8 copies and serializes three to four times slower; a list of 25 cases spent more time there, and in
 * JSON.stringify after it, than in its SQL. Copying the fields one by one keeps the fast shape.
 */
export function without<T extends object, K extends keyof T>(row: T, key: K): Omit<T, K> {
  const out: Record<string, unknown> = {};
  for (const k in row) if ((k as PropertyKey) !== key && Object.hasOwn(row, k)) out[k] = row[k];
  return out as Omit<T, K>;
}
