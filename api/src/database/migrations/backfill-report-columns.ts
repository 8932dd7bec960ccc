import { DateTime } from 'luxon';
import type { QueryRunner } from 'typeorm';
import { WorkCalendar } from '../../calendar/work-calendar.js';
import { ancestryOf } from '../../grid/ancestry.js';

const BATCH = 5_000;

/**
 * Fills the report columns of cases logged before they existed: the community and grid each is reported
 * under, the closure times of closed cases (on the calendar with its local corrections, in TIME_ZONE), and
 * the repeat mark, the follow-up tallies. Run once by the ReportColumns migration, for either database.
 */
export async function backfillReportColumns(q: QueryRunner): Promise<void> {
  const pg = q.connection.options.type === 'postgres';
  const p = (i: number) => (pg ? `$${i}` : '?');
  const timeZone = process.env.TIME_ZONE || 'Asia/Shanghai';
  const at = (v: string | Date) => (v instanceof Date ? v : new Date(/[zZ+]/.test(v.slice(10)) ? v : `${v.replace(' ', 'T')}Z`));

  const units: { id: number; level: string; path: string }[] = await q.query('SELECT id, level, path FROM grid_units');
  const byId = new Map(units.map((u) => [Number(u.id), u]));
  for (const u of units) {
    const a = ancestryOf(u.path, byId as never);
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
  const calendar = new WorkCalendar(new Map(days.map((d) => [String(d.date).slice(0, 10), !!d.workday])));
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
        await q.query(`UPDATE cases SET close_hours = ${p(1)}, close_workdays = ${p(2)} WHERE id = ${p(3)}`, [hours, calendar.workdaysBetween(day(received), day(closed)), r.id]);
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
