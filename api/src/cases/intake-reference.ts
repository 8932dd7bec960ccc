import { WorkCalendar } from '../calendar/work-calendar.js';
import { pathIds } from '../common/tree.js';
import { ancestryOf, type Ancestry } from '../grid/ancestry.js';
import type { GridLevel } from '../grid/grid-unit.entity.js';
import { dueAt, effectivePolicy, type Limit, type LimitPolicy } from '../workflow/time-limits.js';

/**
 * What intake reads about channels, categories, grid units and the working-day calendar, held in memory.
 *
 * Never stale: every write to one of these tables bumps its counter in `reference_versions` (by trigger, in
 * the writer's transaction: migration IntakeReference), and intake reads the counters first, in its own
 * transaction, with one statement. A table whose counter moved is reloaded whole before it is used, so a
 * change made by any process (a second API instance, the seed command) is seen by the next intake, exactly
 * as if intake had queried the rows themselves.
 */
export const REFERENCE_VERSIONS_SQL = `SELECT "name", "version" FROM "reference_versions"`;

const LOAD_SQL = {
  channels: `SELECT "id", "active" FROM "channels"`,
  categories: `SELECT "id", "path", "active", "sign_for_hours", "response_hours", "resolve_limit", "resolve_unit", "urgent_sign_for_hours", "urgent_response_hours", "urgent_resolve_hours" FROM "categories"`,
  grid_units: `SELECT "id", "path", "level" FROM "grid_units"`,
  calendar_days: `SELECT "date", "workday" FROM "calendar_days"`,
} as const;

type Table = keyof typeof LOAD_SQL;
const TABLES = Object.keys(LOAD_SQL) as Table[];
type Row = Record<string, unknown>;

export interface ChannelRef {
  id: number;
  active: boolean;
}

export interface CategoryRef extends LimitPolicy {
  id: number;
  path: string;
  active: boolean;
}

export interface UnitRef {
  id: number;
  path: string;
  level: GridLevel;
}

/** Booleans come back as 0/1 from SQLite, true/false from PostgreSQL. */
const bool = (v: unknown) => v === true || v === 1 || v === '1';
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** One consistent view of the reference tables, as of the counters it was built at. */
export class ReferenceSnapshot {
  private readonly policies = new Map<number, ReturnType<typeof effectivePolicy>>();
  private readonly ancestries = new Map<number, Ancestry>();

  constructor(
    readonly channels: ReadonlyMap<number, ChannelRef>,
    readonly categories: ReadonlyMap<number, CategoryRef>,
    readonly units: ReadonlyMap<number, UnitRef>,
    readonly calendar: WorkCalendar,
  ) {}

  /** The category's time limits: itself, then its ancestors, then the defaults (CategoriesService.policyFor). */
  policyOf(categoryId: number) {
    let p = this.policies.get(categoryId);
    if (!p) {
      const chain = pathIds(this.categories.get(categoryId)!.path)
        .reverse()
        .map((id) => this.categories.get(id))
        .filter((c): c is CategoryRef => c !== undefined);
      p = effectivePolicy(chain);
      this.policies.set(categoryId, p);
    }
    return p;
  }

  /**
   * When a limit started at `start` ends (workflow/time-limits.ts `dueAt`), with the day of the start (`day`,
   * in the zone) already known: N working days end at the end of a day the calendar keeps per start day.
   */
  dueAt(start: Date, limit: Limit, timeZone: string, day: string): Date {
    if (limit.unit === 'hours') return dueAt(start, limit, this.calendar, timeZone);
    return new Date(this.calendar.endOfWorkdays(day, limit.amount, timeZone));
  }

  /** The community and grid a unit's cases are reported under (grid/ancestry.ts). */
  ancestryOf(unit: UnitRef): Ancestry {
    let a = this.ancestries.get(unit.id);
    if (!a) {
      a = ancestryOf(unit.path, this.units);
      this.ancestries.set(unit.id, a);
    }
    return a;
  }
}

/** One table as loaded: labelled with the counter read before its rows, so the rows are never older. */
interface Loaded<T> {
  version: string | undefined;
  data: T;
}

type Parts = { [K in Table]: Loaded<unknown> };

/**
 * Keeps the snapshot in step with the counters. `refresh` takes a way to run a query (a transaction's
 * connection): synchronous on SQLite (better-sqlite3, inside intake's one synchronous transaction),
 * asynchronous on PostgreSQL, where several intakes may refresh at once: each builds its snapshot from
 * the tables it checked, so a slow one can only leave a table that is reloaded next time, never a stale one.
 */
export class IntakeReference {
  private parts: Partial<Parts> = {};
  private last?: { parts: Parts; snapshot: ReferenceSnapshot };

  refreshSync(run: (sql: string) => Row[]): ReferenceSnapshot {
    const seen = counters(run(REFERENCE_VERSIONS_SQL));
    const parts = {} as Parts;
    for (const t of TABLES) parts[t] = this.current(t, seen) ?? this.keep(t, seen, run(LOAD_SQL[t]));
    return this.snapshotOf(parts);
  }

  async refresh(run: (sql: string) => Promise<Row[]>): Promise<ReferenceSnapshot> {
    const seen = counters(await run(REFERENCE_VERSIONS_SQL));
    const parts = {} as Parts;
    for (const t of TABLES) parts[t] = this.current(t, seen) ?? this.keep(t, seen, await run(LOAD_SQL[t]));
    return this.snapshotOf(parts);
  }

  /** The table as held, if its counter has not moved (a table without a counter is always reloaded). */
  private current(t: Table, seen: Map<string, string>) {
    const held = this.parts[t];
    return held && held.version !== undefined && held.version === seen.get(t) ? held : undefined;
  }

  private keep(t: Table, seen: Map<string, string>, rows: Row[]): Loaded<unknown> {
    const loaded = { version: seen.get(t), data: BUILD[t](rows) };
    this.parts[t] = loaded;
    return loaded;
  }

  private snapshotOf(parts: Parts): ReferenceSnapshot {
    if (this.last && TABLES.every((t) => this.last!.parts[t] === parts[t])) return this.last.snapshot;
    const snapshot = new ReferenceSnapshot(
      parts.channels.data as Map<number, ChannelRef>,
      parts.categories.data as Map<number, CategoryRef>,
      parts.grid_units.data as Map<number, UnitRef>,
      parts.calendar_days.data as WorkCalendar,
    );
    this.last = { parts, snapshot };
    return snapshot;
  }
}

const counters = (rows: Row[]) => new Map(rows.map((r) => [String(r.name), String(r.version)]));

const BUILD: { [K in Table]: (rows: Row[]) => unknown } = {
  channels: (rows) => new Map(rows.map((r) => [Number(r.id), { id: Number(r.id), active: bool(r.active) }])),
  categories: (rows) =>
    new Map(
      rows.map((r) => [
        Number(r.id),
        {
          id: Number(r.id),
          path: String(r.path),
          active: bool(r.active),
          signForHours: num(r.sign_for_hours),
          responseHours: num(r.response_hours),
          resolveLimit: num(r.resolve_limit),
          resolveUnit: (r.resolve_unit ?? null) as CategoryRef['resolveUnit'],
          urgentSignForHours: num(r.urgent_sign_for_hours),
          urgentResponseHours: num(r.urgent_response_hours),
          urgentResolveHours: num(r.urgent_resolve_hours),
        },
      ]),
    ),
  grid_units: (rows) => new Map(rows.map((r) => [Number(r.id), { id: Number(r.id), path: String(r.path), level: r.level as GridLevel }])),
  calendar_days: (rows) => new WorkCalendar(new Map(rows.map((r) => [String(r.date), bool(r.workday)]))),
};
