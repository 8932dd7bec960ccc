import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { WorkCalendar } from '../calendar/work-calendar.js';
import { CaseEvent } from '../cases/case-event.entity.js';
import { Case } from '../cases/case.entity.js';
import { Category } from '../categories/category.entity.js';
import { CHANNEL_GROUPS, Channel } from '../channels/channel.entity.js';
import { pathIds } from '../common/tree.js';
import { createDataSource } from '../database/data-source.js';
import { migrate, refreshStatistics } from '../database/database.module.js';
import { Department } from '../departments/department.entity.js';
import { GridUnit } from '../grid/grid-unit.entity.js';
import { Resident } from '../residents/resident.entity.js';
import { DEMO_PASSWORD, needsRehash, verifyPassword } from '../users/passwords.js';
import { User } from '../users/user.entity.js';
import { dueAt, effectivePolicy, limitsFor } from '../workflow/time-limits.js';
import { CLOCKS, lateClocks } from '../workflow/clocks.js';
import { searchDocument } from '../cases/case-search.js';
import { measureBitsSql } from '../cases/case-measures.js';
import { generateCases } from './case-generator.js';
import { searchDocumentOf } from './case-rows.js';
import { caseBatches } from './case-stream.js';
import { loadReference } from './reference.js';
import { SYSTEM_EVENTS } from './case-sim.js';
import { seedDemo } from './demo-seed.js';
import { flushSearchBacklog } from '../search/sqlite-search-backlog.js';
import { sqliteConnection } from '../database/sqlite-connection.js';

const TZ = 'Asia/Shanghai';
/** Two weeks after National Day, so the 30 days include the holiday and its make-up working day. */
const NOW = new Date('2026-10-15T10:30:00+08:00');
const OPTS = { timeZone: TZ, now: NOW, cases: 300, days: 30 };

/** A fresh, migrated database: a temp SQLite file, or a scratch PostgreSQL database when DATABASE_URL names one. */
async function freshDatabase(): Promise<{ ds: DataSource; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL ?? '';
  if (base.startsWith('postgres')) {
    const name = `seedspec_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
    const admin = await new DataSource({ type: 'postgres', url: base }).initialize();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.destroy();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const ds = createDataSource({ databaseKind: 'postgres', databaseUrl: url.toString(), sqlitePath: '' });
    await ds.initialize();
    await migrate(ds);
    return {
      ds,
      drop: async () => {
        await ds.destroy();
        const c = await new DataSource({ type: 'postgres', url: base }).initialize();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.destroy();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'seed-spec-'));
  const ds = createDataSource({ databaseKind: 'sqlite', databaseUrl: '', sqlitePath: join(dir, 'seed.sqlite') });
  await ds.initialize();
  await migrate(ds);
  return {
    ds,
    drop: async () => {
      await ds.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `fn` on a database of its own (SQLite or PostgreSQL) with the demo community and no cases; dropped after. */
async function onDemoDatabase(fn: (db: DataSource) => Promise<void>): Promise<void> {
  const other = await freshDatabase();
  try {
    await seedDemo(other.ds, { ...OPTS, cases: 0 });
    await fn(other.ds);
  } finally {
    await other.drop();
  }
}

const eventsByCase = (events: CaseEvent[]) => {
  const map = new Map<number, CaseEvent[]>();
  for (const e of events) map.set(e.caseId, [...(map.get(e.caseId) ?? []), e]);
  return map;
};
const ms = (d: Date | null) => (d ? d.getTime() : null);

describe('demo seed', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let ds: DataSource;
  let units: GridUnit[];
  let cases: Case[];
  let events: Map<number, CaseEvent[]>;

  before(async () => {
    db = await freshDatabase();
    ds = db.ds;
    await seedDemo(ds, OPTS);
    units = await ds.getRepository(GridUnit).find({ order: { id: 'ASC' } });
    cases = await ds.getRepository(Case).find({ order: { id: 'ASC' } });
    events = eventsByCase(await ds.getRepository(CaseEvent).find({ order: { caseId: 'ASC', id: 'ASC' } }));
  });
  after(async () => db?.drop());

  it('has the 13969 shape: 黄河路社区 with 3 zones and 9 grids, and 长江路社区 with grids right under it', () => {
    const byId = new Map(units.map((u) => [u.id, u]));
    const children = (u: GridUnit) => units.filter((x) => x.parentId === u.id);
    const [root] = units.filter((u) => u.parentId === null);
    assert.equal(root.name, '火车站街道');
    const huanghe = units.find((u) => u.name === '黄河路社区')!;
    assert.equal(huanghe.level, 'community');
    const zones = children(huanghe);
    assert.deepEqual(zones.map((z) => z.level), ['zone', 'zone', 'zone']);
    const grids = zones.flatMap(children);
    assert.equal(grids.length, 9);
    assert.ok(zones.every((z) => children(z).length === 3));
    assert.deepEqual(grids.map((g) => g.name), ['1号网格', '2号网格', '3号网格', '4号网格', '5号网格', '6号网格', '7号网格', '8号网格', '9号网格']);
    assert.ok(units.some((u) => u.name === '小碱小区' && u.level === 'compound'));
    const changjiang = units.find((u) => u.name === '长江路社区')!;
    assert.deepEqual(children(changjiang).map((g) => g.level), ['grid', 'grid', 'grid', 'grid']);
    assert.ok(units.filter((u) => u.level === 'grid').every((g) => g.leaderName && g.leaderPhone));
    assert.ok(units.length < 150 && units.some((u) => u.level === 'building'));
    assert.equal(new Set(units.map((u) => u.code)).size, units.length);
    for (const u of units) {
      const parent = u.parentId ? byId.get(u.parentId)! : null;
      assert.equal(u.path, `${parent?.path ?? '/'}${u.id}/`);
      assert.equal(u.fullName, parent ? `${parent.fullName} / ${u.name}` : u.name);
    }
  });

  it('has every channel group, 20+ responsible units and the category tree with 安全隐患', async () => {
    const channels = await ds.getRepository(Channel).find();
    assert.deepEqual([...new Set(channels.map((c) => c.group))].sort(), [...CHANNEL_GROUPS].sort());
    assert.ok(channels.some((c) => c.code === 'hotline_12345') && channels.some((c) => c.code === 'wechat'));
    assert.ok((await ds.getRepository(Department).count()) >= 20);
    const categories = await ds.getRepository(Category).find();
    const safety = categories.find((c) => c.code === 'safety')!;
    assert.equal(safety.name, '安全隐患');
    assert.equal(safety.parentId, null);
    assert.equal(categories.find((c) => c.code === 'elevator_fault')!.fullName, '住房城乡建设 / 物业管理 / 电梯故障');
    assert.ok(categories.every((c) => pathIds(c.path).length <= 3 && pathIds(c.path).at(-1) === c.id));
  });

  it('has the demo accounts with their roles and scopes, all with the demo password, each with its own salt', async () => {
    const users = await ds.getRepository(User).find({ select: { id: true, username: true, role: true, scopeUnitId: true, departmentId: true, passwordHash: true } });
    const by = (name: string) => users.find((u) => u.username === name)!;
    const unitName = (id: number | null) => units.find((u) => u.id === id)?.name ?? null;
    assert.equal(by('admin').role, 'admin');
    assert.equal(by('admin').scopeUnitId, null);
    assert.equal(by('supervisor').role, 'supervisor');
    assert.equal(unitName(by('supervisor').scopeUnitId), '火车站街道');
    assert.equal(by('dispatcher').role, 'dispatcher');
    assert.equal(unitName(by('dispatcher').scopeUnitId), '黄河路社区');
    assert.equal(by('worker').role, 'grid_worker');
    assert.match(units.find((u) => u.id === by('worker').scopeUnitId)!.fullName, /黄河路社区 \/ .*号网格$/);
    assert.equal(by('handler').role, 'handler');
    assert.ok(by('handler').departmentId);
    assert.ok(users.length > 10);
    for (const name of ['admin', 'supervisor', 'dispatcher', 'worker', 'handler']) assert.ok(await verifyPassword(by(name).passwordHash, DEMO_PASSWORD), name);
    // The same password must not show as the same hash: one account's cracked hash would open them all at once.
    const salts = new Set(users.map((u) => u.passwordHash.split('$')[4]));
    assert.equal(salts.size, users.length, 'every account its own salt');
    assert.equal(new Set(users.map((u) => u.passwordHash)).size, users.length);
    assert.ok(users.every((u) => !needsRehash(u.passwordHash)), 'made with the current argon2 parameters');
  });

  it('registers about 300 residents in compounds and buildings, some of them key population', async () => {
    const residents = await ds.getRepository(Resident).find();
    assert.equal(residents.length, 300);
    const tagged = residents.filter((r) => r.tags.length > 0).length;
    assert.ok(tagged > 50 && tagged < 140, `${tagged} tagged`);
    for (const r of residents) {
      const unit = units.find((u) => u.id === r.gridUnitId)!;
      assert.ok(['compound', 'building'].includes(unit.level));
      assert.equal(r.unitPath, unit.path);
      assert.equal(r.keyPopulation, r.tags.length > 0);
      if (r.phone) assert.match(r.phone, /^1[3-9]\d{9}$/);
    }
  });

  it("replays every case's timeline to its status and fields", () => {
    assert.equal(cases.length, 300);
    for (const c of cases) {
      const evs = events.get(c.id)!;
      assert.equal(evs[0].action, 'create');
      assert.equal(evs[0].fromStatus, null);
      assert.equal(ms(evs[0].createdAt), ms(c.receivedAt));
      for (let i = 1; i < evs.length; i++) {
        assert.equal(evs[i].fromStatus, evs[i - 1].toStatus, `case ${c.number} event ${i}`);
        assert.ok(evs[i].createdAt > evs[i - 1].createdAt, `case ${c.number}: times increase`);
      }
      assert.equal(evs.at(-1)!.toStatus, c.status, c.number);
      assert.equal(c.version, evs.filter((e) => !SYSTEM_EVENTS.includes(e.action)).length, 'version counts the actions, not the system marks');
      // The overdue scan's work: the flags as the clocks stand now, one event per late clock.
      const late = lateClocks(c, NOW);
      assert.deepEqual([c.signOverdue, c.responseOverdue, c.resolveOverdue], [late.signFor, late.response, late.resolve], c.number);
      assert.equal(c.overdue, late.signFor || late.response || late.resolve);
      const marks = evs.filter((e) => e.action === 'overdue').map((e) => e.data!.clock).sort();
      assert.deepEqual(marks, CLOCKS.filter((k) => late[k]).sort(), `${c.number}: one overdue event per late clock`);
      assert.equal(c.closedAt !== null, c.status === 'closed', c.number);
      assert.equal(c.handledDirectly, evs.some((e) => e.action === 'close_directly'));
      assert.equal(c.returnCount, evs.filter((e) => e.action === 'return').length);
      assert.equal(c.reopenCount, evs.filter((e) => e.action === 'follow_up' && e.toStatus === 'in_progress').length);
      const dispatch = evs.filter((e) => e.action === 'dispatch').at(-1);
      assert.equal(ms(c.dispatchedAt), ms(dispatch?.createdAt ?? null));
      if (dispatch) assert.equal(c.departmentId, dispatch.data!.departmentId);
      // The response is the first contact, or the closing if nobody had contacted the resident before it.
      assert.equal(ms(c.respondedAt), ms(evs.find((e) => e.action === 'contact' || e.toStatus === 'closed')?.createdAt ?? null));
      const lastReply = evs.filter((e) => e.action === 'reply').at(-1);
      const reopenedSince = evs.some((e) => e.id > (lastReply?.id ?? Infinity) && e.action === 'follow_up' && e.toStatus === 'in_progress');
      assert.equal(ms(c.repliedAt), reopenedSince ? null : ms(lastReply?.createdAt ?? null), `${c.number}: the reply that stands`);
      assert.equal(c.superviseLevel, (evs.filter((e) => e.action === 'supervise').at(-1)?.data?.level as string) ?? null);
      const approved = evs.filter((e) => e.action === 'approve_extension').at(-1);
      assert.equal(c.resolveDueAt.toISOString(), (approved ?? evs[0]).data!.resolveDueAt);
      if (c.status === 'merged') {
        const parent = cases.find((p) => p.id === c.parentCaseId)!;
        assert.ok(parent && parent.receivedAt < c.receivedAt && parent.categoryId === c.categoryId && parent.gridUnitId === c.gridUnitId);
      } else assert.equal(c.parentCaseId, null);
      const times = [c.receivedAt, c.dispatchedAt, c.acceptedAt, c.respondedAt, c.repliedAt, c.closedAt, c.updatedAt, ...evs.map((e) => e.createdAt)];
      assert.ok(times.every((t) => t === null || t.getTime() <= NOW.getTime()), `case ${c.number}: nothing after now`);
    }
  });

  it('numbers cases by the local day of receipt, uniquely, and leaves the day counters at the last serial', async () => {
    const numbers = cases.map((c) => c.number);
    assert.equal(new Set(numbers).size, numbers.length);
    for (const c of cases) {
      assert.match(c.number, /^\d{8}-\d{4,}$/);
      assert.equal(c.number.slice(0, 8), DateTime.fromJSDate(c.receivedAt, { zone: TZ }).toFormat('yyyyMMdd'));
    }
    const counters: { day: string; last: number }[] = await ds.query('SELECT day, last FROM case_counters');
    for (const { day, last } of counters) {
      const serials = numbers.filter((n) => n.startsWith(`${day}-`)).map((n) => Number(n.slice(9)));
      assert.equal(Number(last), Math.max(...serials), day);
    }
  });

  it('computes the due times as intake does (category chain, priority, working days)', async () => {
    const categories = new Map((await ds.getRepository(Category).find()).map((c) => [c.id, c]));
    const calendar = new WorkCalendar();
    for (const c of cases) {
      const chain = pathIds(categories.get(c.categoryId)!.path).reverse().map((id) => categories.get(id)!);
      const limits = limitsFor(effectivePolicy(chain), c.priority);
      assert.equal(ms(c.responseDueAt), dueAt(c.receivedAt, limits.response, calendar, TZ).getTime());
      const create = events.get(c.id)![0];
      assert.equal(create.data!.resolveDueAt, dueAt(c.receivedAt, limits.resolve, calendar, TZ).toISOString());
      const dispatch = events.get(c.id)!.filter((e) => e.action === 'dispatch').at(-1);
      if (dispatch) assert.equal(ms(c.signDueAt), dueAt(dispatch.createdAt, limits.signFor, calendar, TZ).getTime());
    }
  });

  it('looks like real work: a mix of channels and outcomes, open cases lately, some overdue, a hot spot', () => {
    const open = (c: Case) => ['received', 'dispatched', 'in_progress', 'returned', 'replied'].includes(c.status);
    const recent = cases.filter((c) => NOW.getTime() - c.receivedAt.getTime() < 2 * 86_400_000);
    assert.ok(recent.filter(open).length > recent.length / 2, 'recent cases are mostly open');
    assert.ok(cases.some((c) => open(c) && c.resolveDueAt < NOW), 'some open cases are overdue');
    assert.ok(cases.some((c) => c.closedAt && c.closedAt > c.resolveDueAt), 'some closed late');
    const statuses = new Set(cases.map((c) => c.status));
    for (const s of ['received', 'in_progress', 'closed']) assert.ok(statuses.has(s as Case['status']), s);
    const direct = cases.filter((c) => c.handledDirectly).length / cases.length;
    assert.ok(direct > 0.15 && direct < 0.45, `direct ${direct}`);
    assert.ok(cases.some((c) => c.residentId && c.keyPopulation), 'cases from key-population residents');
    const lately = cases.filter((c) => NOW.getTime() - c.receivedAt.getTime() < 2 * 86_400_000);
    const hot = lately.some((c) => lately.filter((x) => x.categoryId === c.categoryId && x.gridUnitId === c.gridUnitId && x.receivedAt >= c.receivedAt && x.receivedAt.getTime() - c.receivedAt.getTime() <= 24 * 3_600_000).length >= 6);
    assert.ok(hot, 'a hot spot: 6+ cases of one category in one place within a day');
  });

  it('is deterministic: the same seed and now give the same cases on another database', async () => {
    const other = await freshDatabase();
    try {
      await seedDemo(other.ds, OPTS);
      const again = await other.ds.getRepository(Case).find({ order: { id: 'ASC' } });
      const key = (c: Case) => `${c.number} ${c.title} ${c.status} ${c.updatedAt.toISOString()}`;
      assert.deepEqual(again.map(key), cases.map(key));
    } finally {
      await other.drop();
    }
  });

  it('stores on SQLite, through its bulk writer, byte for byte what TypeORM stores', async () => {
    if (ds.options.type === 'postgres') return;
    // TypeORM, then the bulk writer fed on this thread, then fed by its worker.
    const dbs = [await freshDatabase(), await freshDatabase(), await freshDatabase()];
    try {
      // The indexes and triggers, and the keyword index's own settings (its merges pause for a load).
      const schema = async (d: DataSource) => [
        await d.query(`SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name`),
        // As FTS5 reads them: a setting the index does not have is FTS5's default.
        Object.entries({ automerge: 4, ...Object.fromEntries((await d.query(`SELECT k, v FROM case_search_config`)).map((r: { k: string; v: unknown }) => [r.k, r.v])) }).sort(),
      ];
      for (const [i, other] of dbs.entries()) {
        await seedDemo(other.ds, { ...OPTS, cases: 0 });
        const before = await schema(other.ds);
        // Into an empty table: the bulk writer drops its secondary indexes for the load; they come back as they were.
        await generateCases(other.ds, { count: 400, days: 30, timeZone: TZ, now: NOW, seed: 11, bulk: i > 0, worker: i === 2 });
        // TypeORM's path queues the keyword entries for the server's next flush: written now, to compare.
        flushSearchBacklog(sqliteConnection(other.ds));
        assert.deepEqual(await schema(other.ds), before);
        // The bulk load looks up no foreign key: every reference it wrote must hold, and the checks are back on.
        assert.deepEqual(await other.ds.query('PRAGMA foreign_key_check'), []);
        assert.deepEqual(await other.ds.query('PRAGMA foreign_keys'), [{ foreign_keys: 1 }]);
      }
      const dump = (d: DataSource, sql: string) => d.query(sql).then((rows: object[]) => rows.map((r) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, v, typeof v]))));
      for (const sql of ['SELECT * FROM cases ORDER BY id', 'SELECT * FROM case_events ORDER BY id', 'SELECT * FROM case_counters ORDER BY day', 'SELECT rowid FROM case_search ORDER BY rowid', `SELECT rowid FROM case_search WHERE case_search MATCH '"路灯" OR "物业"' ORDER BY rowid`]) {
        const [typeorm, bulk, worker] = await Promise.all(dbs.map((d) => dump(d.ds, sql)));
        assert.ok(typeorm.length > 0, sql);
        assert.deepEqual(bulk, typeorm, sql);
        assert.deepEqual(worker, typeorm, sql);
      }
    } finally {
      for (const d of dbs) await d.drop();
    }
  });

  it('writes each case with its measures as the database computes them, leaving its trigger nothing to do', async () => {
    if (ds.options.type === 'postgres') return;
    await onDemoDatabase(async (db) => {
      // Without the trigger that would correct them, what the bulk writer stored is all there is.
      await db.query('DROP TRIGGER cases_measure_bits_insert');
      for (const worker of [false, true]) await generateCases(db, { count: 300, days: 30, timeZone: TZ, now: NOW, seed: 4, bulk: true, worker });
      const [row] = await db.query(`SELECT COUNT(*) AS n, SUM(measure_bits <> (${measureBitsSql('sqlite')})) AS wrong, COUNT(DISTINCT measure_bits) AS kinds FROM cases`);
      assert.deepEqual({ n: row.n, wrong: row.wrong }, { n: 600, wrong: 0 });
      assert.ok(row.kinds > 10, `only ${row.kinds} different measure sets`);
    });
  });

  it('a bulk load leaves planner statistics for the table as loaded, partial indexes and all', async () => {
    if (ds.options.type === 'postgres') return;
    await onDemoDatabase(async (db) => {
      const counted = async () => (await db.query(`SELECT MAX(CAST(stat AS INTEGER)) AS most, MIN(CAST(stat AS INTEGER)) AS fewest FROM sqlite_stat1 WHERE tbl = 'cases'`))[0];
      await generateCases(db, { count: 1500, days: 30, timeZone: TZ, now: NOW, seed: 6, bulk: true, worker: false });
      // The partial indexes hold a few of the 1,500 cases: the table is what was counted, not they.
      const first = await counted();
      assert.equal(first.most, 1500);
      assert.ok(first.fewest < 500, `the smallest index holds ${first.fewest} entries`);
      assert.equal(await refreshStatistics(db), false, 'gathered again though nothing changed');
      // A load bigger than what was there: counted again by the load itself.
      await generateCases(db, { count: 5000, days: 30, timeZone: TZ, now: NOW, seed: 8, bulk: true, worker: false });
      assert.equal((await counted()).most, 6500);
      assert.equal(await refreshStatistics(db), false);
    });
  });

  it('puts back, at the next load, what a load that was killed had suspended', async () => {
    if (ds.options.type === 'postgres') return;
    await onDemoDatabase(async (db) => {
      await generateCases(db, { count: 50, days: 10, timeZone: TZ, now: NOW, seed: 2, bulk: true, worker: false });
      const indexes = () => db.query(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`);
      const settings = () => db.query(`SELECT k, v FROM case_search_config WHERE k = 'automerge'`);
      const before = await indexes();
      const tuning = async () => [await db.query('PRAGMA threads'), await db.query('PRAGMA cache_size'), await db.query('PRAGMA temp_store')];
      const tuned = await tuning();
      // As a load leaves the database when it is killed mid-way: two indexes dropped, keyword merges paused.
      const gone = (before as { name: string; sql: string }[]).filter((i) => i.name === 'idx_cases_repeat' || i.name === 'idx_case_events_case');
      assert.equal(gone.length, 2);
      for (const i of gone) await db.query(`DROP INDEX "${i.name}"`);
      await db.query(`INSERT INTO case_search (case_search, rank) VALUES ('automerge', 0)`);
      const file = (db.options as { database: string }).database;
      writeFileSync(`${file}-seed-indexes.json`, JSON.stringify({ indexes: gone, fts: { automerge: 4 } }));
      // A few cases onto many: this load drops nothing itself; it rebuilds what was left.
      await generateCases(db, { count: 5, days: 3, timeZone: TZ, now: NOW, seed: 3, bulk: true, worker: false });
      assert.deepEqual(await indexes(), before);
      // The connection as it was: the rebuild's own settings (sorter threads, a small cache) do not stay.
      assert.deepEqual(await tuning(), tuned);
      // It had no setting of its own: FTS5's default again.
      assert.deepEqual(await settings(), [{ k: 'automerge', v: 4 }]);
      assert.equal(existsSync(`${file}-seed-indexes.json`), false);
    });
  });

  it('makes the keyword document of a generated case from its parts exactly as searchDocument does', async () => {
    const ref = await loadReference(ds);
    let n = 0;
    for (const { sims } of caseBatches(ref, { count: 3000, days: 60, timeZone: TZ, now: NOW.getTime(), seed: 5 })) {
      for (const s of sims) {
        assert.equal(searchDocumentOf(s.fields), searchDocument(s.fields));
        // Twice: the second time from what was cut before.
        assert.equal(searchDocumentOf(s.fields), searchDocument(s.fields));
        n++;
      }
    }
    assert.equal(n, 3000);
    const odd = { title: 'ＡＢ。路灯不亮。。', description: '。居民反映：路灯不亮。地址：1号楼。', address: null, reporterName: 'Σσ', unitPath: '/1/5/12/' } as Parameters<typeof searchDocumentOf>[0];
    assert.equal(searchDocumentOf(odd), searchDocument(odd));
  });

  it('adds more cases later without colliding with the numbers already given', async () => {
    const added = await generateCases(ds, { count: 120, days: 3, timeZone: TZ, now: NOW, seed: 7 });
    assert.equal(added.cases, 120);
    const all: { number: string }[] = await ds.query('SELECT number FROM cases');
    assert.equal(all.length, 420);
    assert.equal(new Set(all.map((r) => r.number)).size, 420);
  });
});
