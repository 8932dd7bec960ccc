import chineseDays from 'chinese-days';
import { DateTime } from 'luxon';
import type { QueryRunner } from 'typeorm';

/*
 * Frozen with the ReportColumns migration, its only caller: a copy of what it needs of the application as it was
 * then (grid/ancestry.ts, calendar/work-calendar.ts), never imported from there, so that what this migration
 * writes never changes when that code does. Only libraries are imported.
 */

const BATCH = 5_000;
const DAY_MS = 86_400_000;

/** The nearest community and grid along a unit's path (`/1/2/3/`), as grid/ancestry.ts answered in 2026-11. */
function ancestryOf(path: string, units: ReadonlyMap<number, { level: string }>): { communityId: number | null; gridId: number | null } {
  const out = { communityId: null as number | null, gridId: null as number | null };
  for (const id of path.split('/').filter(Boolean).map(Number)) {
    const level = units.get(id)?.level;
    if (level === 'community') out.communityId = id;
    if (level === 'grid') out.gridId = id;
  }
  return out;
}

/**
 * Working days in (from, to], both `YYYY-MM-DD`: weekends and public holidays off, 调休 make-up days on (the
 * `chinese-days` package), the local corrections of `calendar_days` first; as calendar/work-calendar.ts counted
 * in 2026-11. A day at a time: cases logged before the report columns existed are few.
 */
function workdaysBetween(from: string, to: string, corrections: ReadonlyMap<string, boolean>): number {
  let n = 0;
  for (let t = Date.parse(`${from}T00:00:00Z`) + DAY_MS, end = Date.parse(`${to}T00:00:00Z`); t <= end; t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    if (corrections.get(date) ?? chineseDays.isWorkday(date)) n++;
  }
  return n;
}

/**
 * Fills the report columns of cases logged before they existed: the community and grid each is reported
 * under, the closure times of closed cases (on the calendar with its local corrections, in TIME_ZONE), and
 * the repeat mark, the follow-up tallies. Run once by the ReportColumns migration of each engine (which says which).
 */
export async function backfillReportColumns(q: QueryRunner, engine: 'sqlite' | 'postgres'): Promise<void> {
  const pg = engine === 'postgres';
  const p = (i: number) => (pg ? `$${i}` : '?');
  const timeZone = process.env.TIME_ZONE || 'Asia/Shanghai';
  const at = (v: string | Date) => (v instanceof Date ? v : new Date(/[zZ+]/.test(v.slice(10)) ? v : `${v.replace(' ', 'T')}Z`));

  const units: { id: number; level: string; path: string }[] = await q.query('SELECT id, level, path FROM grid_units');
  const byId = new Map(units.map((u) => [Number(u.id), u]));
  for (const u of units) {
    const a = ancestryOf(u.path, byId);
    await q.query(`UPDATE cases SET community_id = ${p(1)}, grid_id = ${p(2)} WHERE grid_unit_id = ${p(3)}`, [a.communityId, a.gridId, u.id]);
  }

  // Every follow-up event so far is a rating.
  const ratings: { case_id: number; n: number | string; resolved: number | string; satisfied: number | string }[] = await q.query(
    `SELECT case_id, COUNT(*) AS n,
       SUM(CASE WHEN data LIKE '%"resolved":true%' THEN 1 ELSE 0 END) AS resolved,
       SUM(CASE WHEN data LIKE '%"satisfaction":"unsatisfied"%' THEN 0 ELSE 1 END) AS satisfied
     FROM case_events WHERE action = 'follow_up' GROUP BY case_id`,
  );
  for (const r of ratings) {
    await q.query(`UPDATE cases SET follow_ups = ${p(1)}, follow_ups_resolved = ${p(2)}, follow_ups_satisfied = ${p(3)} WHERE id = ${p(4)}`, [Number(r.n), Number(r.resolved), Number(r.satisfied), r.case_id]);
  }

  const days: { date: string; workday: boolean | number }[] = await q.query('SELECT date, workday FROM calendar_days');
  const corrections = new Map(days.map((d) => [String(d.date).slice(0, 10), !!d.workday]));
  const day = (t: Date) => DateTime.fromJSDate(t, { zone: timeZone }).toISODate()!;
  const lastSeen = new Map<string, number>();
  for (let after = 0; ; ) {
    const rows: { id: number; status: string; received_at: string | Date; closed_at: string | Date | null; reporter_phone: string | null; category_id: number }[] = await q.query(
      `SELECT id, status, received_at, closed_at, reporter_phone, category_id FROM cases WHERE id > ${p(1)} ORDER BY id LIMIT ${BATCH}`,
      [after],
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      const received = at(r.received_at);
      if (r.status === 'closed' && r.closed_at) {
        const closed = at(r.closed_at);
        const hours = (closed.getTime() - received.getTime()) / 3_600_000;
        await q.query(`UPDATE cases SET close_hours = ${p(1)}, close_workdays = ${p(2)} WHERE id = ${p(3)}`, [hours, workdaysBetween(day(received), day(closed), corrections), r.id]);
      }
      // Ids follow intake order closely enough for a one-off mark of repeats within 30 days.
      if (r.reporter_phone) {
        const key = `${r.reporter_phone}|${r.category_id}`;
        const last = lastSeen.get(key);
        if (last !== undefined && received.getTime() - last <= 30 * 86_400_000 && received.getTime() >= last) await q.query(`UPDATE cases SET is_repeat = ${pg ? 'true' : '1'} WHERE id = ${p(1)}`, [r.id]);
        lastSeen.set(key, received.getTime());
      }
    }
    after = Number(rows[rows.length - 1].id);
  }
}
