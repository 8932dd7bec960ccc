import type { EntityManager } from 'typeorm';

/**
 * The next serial of a day, atomically: one upsert that both databases run as a single statement,
 * so concurrent intakes (several API instances included) never share a number.
 */
export async function nextSerial(m: EntityManager, day: string): Promise<number> {
  const pg = m.connection.options.type === 'postgres';
  const sql = `INSERT INTO case_counters (day, last) VALUES (${pg ? '$1' : '?'}, 1)
    ON CONFLICT (day) DO UPDATE SET last = case_counters.last + 1 RETURNING last`;
  const rows: { last: number | string }[] = await m.query(sql, [day]);
  return Number(rows[0].last);
}

/** `20251015-0123`; past 9,999 a day (a big city's hotline) the serial simply grows a digit. */
export const caseNumber = (day: string, serial: number) => `${day}-${String(serial).padStart(4, '0')}`;
