import type { EntityManager } from 'typeorm';

/**
 * The next serial of a day on SQLite, atomically, inside intake's transaction: one writer at a time, so
 * the counter row is no hot spot there, and a rolled-back intake gives its number back (no gaps).
 * PostgreSQL takes numbers in blocks instead (serial-blocks.ts).
 */
export async function nextSerial(m: EntityManager, day: string): Promise<number> {
  const rows: { last: number | string }[] = await m.query(`INSERT INTO case_counters (day, last) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET last = case_counters.last + 1 RETURNING last`, [day]);
  return Number(rows[0].last);
}

/** `20251015-0123`; past 9,999 a day (a big city's hotline) the serial simply grows a digit. */
export const caseNumber = (day: string, serial: number) => `${day}-${String(serial).padStart(4, '0')}`;
