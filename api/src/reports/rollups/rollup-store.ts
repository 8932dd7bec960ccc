import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { quotedNames } from '../../database/sql-dialect.js';
import { CLOSURE_KEY, CLOSURE_SUMS, closureRowsSql, ROLLUP_COLUMNS, rollupSumsSql } from './rollup-columns.js';

/** What differs between the engines in keeping rollups. */
export interface RollupEngine {
  /** The local day (`YYYY-MM-DD`) of a UTC timestamp column at a fixed offset. */
  dayOf(column: string, shiftMinutes: number): string;
  /** The first day of its local month, likewise. */
  monthOf(column: string, shiftMinutes: number): string;
  /** The isolation that lets a rebuild read one state of the cases and drop exactly the changes it holds. */
  rebuildIsolation?: 'REPEATABLE READ';
  /** Moves the changes triggers appended into the rollups; absent where the triggers add to the rows themselves. */
  fold?(ds: DataSource): Promise<void>;
  /** After many rows changed at once (a rebuild, a big fold): the space of deleted rows reclaimed, statistics gathered. */
  settle?(ds: DataSource): Promise<unknown>;
}

const KEY = ['day', 'dim', 'place_id', 'value'];

/**
 * Moves the appended changes of `deltas` into `table` in one statement (no change seen twice or not at all);
 * answers `[{n}]`, how many changes it moved.
 */
const foldInto = (table: string, deltas: string, key: string[], sums: string[]) =>
  `WITH moved AS (DELETE FROM "${deltas}" RETURNING *), folded AS (INSERT INTO "${table}" (${quotedNames([...key, ...sums])}) ` +
  `SELECT ${quotedNames(key)}, ${sums.map((c) => `SUM("${c}")`).join(', ')} FROM moved GROUP BY ${quotedNames(key)} ORDER BY ${quotedNames(key)} ` +
  `ON CONFLICT (${quotedNames(key)}) DO UPDATE SET ${sums.map((c) => `"${c}" = "${table}"."${c}" + EXCLUDED."${c}"`).join(', ')}) ` +
  `SELECT COUNT(*) AS n FROM moved`;

/**
 * A fold that moved this many changes (a bulk load's: 84,442 and 831,777 at a million cases) leaves the deltas'
 * heap that large and empty, and every report reads the deltas whole (they have no index: they are appended to
 * at every write and emptied every few seconds): 1,300 and 6,932 pages, 15–37 ms of each daily report, until
 * autovacuum comes by (minutes on a busy server). Vacuumed at once instead, which gives the empty pages back;
 * while a transaction older than the fold still runs (an instance starting up reads for seconds), its dead
 * rows stay: tried again every `VACUUM_RETRY_MS` until the heap is small, for `VACUUM_FOR_MS` at most.
 */
const VACUUM_AFTER = 10_000;
const VACUUM_RETRY_MS = 10_000;
const VACUUM_FOR_MS = 10 * 60_000;
/** A heap of this many pages (1 MB) or fewer is a few seconds of intake's changes, not a bulk load's. */
const SMALL_HEAP_PAGES = 128;
/** The deltas tables a large fold left to vacuum: since when, and when last tried. */
const toVacuum = new Map<string, { since: number; tried: number }>();

async function vacuumDeltas(ds: DataSource, deltas: string) {
  const entry = toVacuum.get(deltas);
  if (!entry || Date.now() - entry.tried < VACUUM_RETRY_MS) return;
  await ds.query(`VACUUM "${deltas}"`);
  const [{ pages }]: { pages: string | number }[] = await ds.query(`SELECT pg_relation_size($1) / 8192 AS pages`, [deltas]);
  if (Number(pages) <= SMALL_HEAP_PAGES || Date.now() - entry.since > VACUUM_FOR_MS) toVacuum.delete(deltas);
  else entry.tried = Date.now();
}
const FOLDS: [string, string, string[], string[]][] = [
  ['case_rollups', 'case_rollup_deltas', ['dim', 'day', 'place_id', 'value'], ROLLUP_COLUMNS],
  ['case_closure_rollups', 'case_closure_rollup_deltas', CLOSURE_KEY, CLOSURE_SUMS],
];
/** After a rebuild: every rollup table's empty pages given back and its statistics gathered. */
const settlePostgres = (ds: DataSource) => ds.query(`VACUUM (ANALYZE) "case_rollup_deltas", "case_closure_rollup_deltas", "case_rollups", "case_closure_rollups"`);

export const SQLITE_ROLLUPS: RollupEngine = {
  dayOf: (column, shift) => `date(${column}, '${Number(shift)} minutes')`,
  monthOf: (column, shift) => `strftime('%Y-%m-01', ${column}, '${Number(shift)} minutes')`,
};

export const POSTGRES_ROLLUPS: RollupEngine = {
  dayOf: (column, shift) => `((${column} AT TIME ZONE 'UTC') + interval '${Number(shift)} minutes')::date`,
  monthOf: (column, shift) => `date_trunc('month', (${column} AT TIME ZONE 'UTC') + interval '${Number(shift)} minutes')::date`,
  rebuildIsolation: 'REPEATABLE READ',
  async fold(ds) {
    for (const [table, deltas, key, sums] of FOLDS) {
      const [moved]: { n: string | number }[] = await ds.query(foldInto(table, deltas, key, sums));
      if (Number(moved?.n) >= VACUUM_AFTER) {
        toVacuum.set(deltas, { since: Date.now(), tried: 0 });
        // The rollups grew by as much: without statistics a year by category was planned as 16 rows (197,721 read).
        await ds.query(`ANALYZE "${table}"`);
      }
      await vacuumDeltas(ds, deltas);
    }
  },
  settle: settlePostgres,
};

export const ROLLUP_ENGINE = Symbol('RollupEngine');
export const ROLLUP_CLOCK = Symbol('RollupClock');
export interface RollupClock {
  /** Whether the rollups hold the configured time zone's days (else reports read the cases). */
  ready(): boolean;
}

/** Each grouping's rows: dim, place, value, as the migration's triggers write them (a case is `c`). */
export const KEYS: [number, string, string][] = [
  [0, 'COALESCE(c.grid_id, c.grid_unit_id)', 'COALESCE(c.grid_id, 0)'],
  [5, 'COALESCE(c.grid_id, c.grid_unit_id)', 'COALESCE(c.community_id, 0)'],
  [1, 'COALESCE(c.community_id, c.grid_unit_id)', 'COALESCE(c.department_id, 0)'],
  [2, 'COALESCE(c.community_id, c.grid_unit_id)', 'c.category_id'],
  [3, 'COALESCE(c.community_id, c.grid_unit_id)', 'c.channel_id'],
  [4, 'COALESCE(c.community_id, c.grid_unit_id)', 'COALESCE(c.assignee_id, 0)'],
];

/**
 * The rollups' day boundary follows TIME_ZONE: at start, when the stored offset is not the zone's, every rollup
 * is rebuilt from the cases at the zone's offset, by the one instance that moves the clock (the row's lock
 * holds the others until it is done). A zone with daylight saving has no fixed offset: reports then read
 * the cases. On PostgreSQL the appended changes are folded in every few seconds.
 */
@Injectable()
export class RollupKeeper implements RollupClock, OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('Rollups');
  private offset: number | null = null;
  private timer?: NodeJS.Timeout;
  private folding?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(ROLLUP_ENGINE) private readonly engine: RollupEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  ready() {
    return this.offset !== null;
  }

  async onApplicationBootstrap() {
    const year = DateTime.now().year;
    const offsets = [1, 7].map((month) => DateTime.fromObject({ year, month, day: 1 }, { zone: this.config.timeZone }).offset);
    if (offsets[0] !== offsets[1]) {
      this.log.warn(`${this.config.timeZone} has daylight saving time: reports read the cases, not the rollups`);
      return;
    }
    const rebuilt = await this.ds.transaction(this.engine.rebuildIsolation ?? 'SERIALIZABLE', (m) => this.moveClock(m, offsets[0])).catch(async (e) => {
      // Another instance moved the clock first (PostgreSQL: a serialization failure): its rebuild stands.
      const [row]: { shift_minutes: number }[] = await this.ds.query(`SELECT "shift_minutes" FROM "report_rollup_clock" WHERE "id" = 1`);
      if (Number(row?.shift_minutes) !== offsets[0]) throw e;
      return false;
    });
    if (rebuilt) await this.engine.settle?.(this.ds);
    if (rebuilt) this.log.log(`rollups rebuilt for ${this.config.timeZone} (UTC${offsets[0] >= 0 ? '+' : ''}${offsets[0] / 60})`);
    this.offset = offsets[0];
    const fold = this.engine.fold;
    if (fold) {
      this.timer = setInterval(() => {
        this.folding ??= fold(this.ds)
          .catch((e) => this.log.warn(`fold: ${(e as Error).message}`))
          .finally(() => (this.folding = undefined));
      }, 2000);
      this.timer.unref();
    }
  }

  async onModuleDestroy() {
    clearInterval(this.timer);
    await this.folding;
  }

  private async moveClock(m: EntityManager, shift: number): Promise<boolean> {
    const [row]: { shift_minutes: number }[] = await m.query(`SELECT "shift_minutes" FROM "report_rollup_clock" WHERE "id" = 1`);
    if (row && Number(row.shift_minutes) === shift) return false;
    await m.query(`UPDATE "report_rollup_clock" SET "shift_minutes" = ${shift} WHERE "id" = 1`);
    await m.query(`DELETE FROM "case_rollups"`);
    await m.query(`DELETE FROM "case_rollup_deltas"`);
    // The hot spots' days (reports/hot-spot-days.ts) are named at the clock's offset too: kept ones are recomputed.
    for (const t of ['hot_spot_days', 'hot_spot_runs', 'hot_spot_dirty']) await m.query(`DELETE FROM "${t}"`);
    const columns = quotedNames([...KEY, ...ROLLUP_COLUMNS]);
    for (const [dim, place, value] of KEYS) {
      await m.query(`INSERT INTO "case_rollups" (${columns}) SELECT ${this.engine.dayOf('c.received_at', shift)} AS d, ${dim}, ${place} AS p, ${value} AS v, ${rollupSumsSql()} FROM "cases" c GROUP BY 1, 3, 4`);
    }
    await this.rebuildClosures(m, shift);
    return true;
  }

  /** The closure rollups (rollups/closure-sketch.ts) from the cases, at the offset. */
  private async rebuildClosures(m: EntityManager, shift: number) {
    await m.query(`DELETE FROM "case_closure_rollups"`);
    await m.query(`DELETE FROM "case_closure_rollup_deltas"`);
    const month = this.engine.monthOf('c.received_at', shift);
    for (const [dim, place, value] of KEYS) {
      const rows = closureRowsSql({ dim: String(dim), month, place, value }, '"cases" c');
      await m.query(`INSERT INTO "case_closure_rollups" (${quotedNames([...CLOSURE_KEY, ...CLOSURE_SUMS])}) ${rows}`);
    }
  }
}
