import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { conflict } from './errors.js';
import { text, words } from './localize.js';
import type { MessageKey } from './messages.js';

/**
 * A kind of record that points at another by a column: cases at their category, residents at their grid
 * unit. A record still pointed at is part of someone's history or work and is not deleted (409).
 */
export interface Reference {
  from: EntityTarget<ObjectLiteral>;
  /** The pointing property, as the entity names it (`categoryId`). */
  by: string;
  /** How a count of them reads: `refCases` → 942 件诉求 / 942 cases. */
  things: MessageKey;
}

export interface ReferenceCount {
  things: MessageKey;
  count: number;
}

/** How many records of each kind point at `id`, the kinds that none does left out. */
export async function referencesOf(m: EntityManager, references: Reference[], id: number): Promise<ReferenceCount[]> {
  const out: ReferenceCount[] = [];
  for (const r of references) {
    const count = await m.getRepository(r.from).createQueryBuilder('x').where(`x.${r.by} = :id`, { id }).getCount();
    if (count > 0) out.push({ things: r.things, count });
  }
  return out;
}

/**
 * The 409 for a record still in use: its first referrer by name and count ("还有 942 件诉求使用该诉求分类"),
 * every count in `references` for scripts, and, for a record that has an `active` flag, the way out (disable it).
 */
export function refuseWhileReferenced(label: string, counts: ReferenceCount[], disablable: boolean): void {
  if (!counts.length) return;
  const [first] = counts;
  const key = disablable ? 'stillReferencedDisable' : 'stillReferenced';
  throw conflict(key, { things: text(first.things, { count: first.count }), what: words('record', label) }, { references: Object.fromEntries(counts.map((c) => [c.things.charAt(3).toLowerCase() + c.things.slice(4), c.count])) });
}
