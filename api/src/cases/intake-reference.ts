import { WorkCalendar } from '../calendar/work-calendar.js';
import { pathIds } from '../common/tree.js';
import { ancestryOf, type Ancestry } from '../grid/ancestry.js';
import type { GridLevel } from '../grid/grid-unit.entity.js';
import { effectivePolicy, type LimitPolicy } from '../workflow/time-limits.js';

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

/**
 * Keeps the snapshot in step with the counters. `refresh` takes a way to run a query (a transaction's
 * connection): synchronous on SQLite (better-sqlite3, inside intake's one synchronous transaction),
 * asynchronous on PostgreSQL.
 */
export class IntakeReference {
  private versions: Partial<Record<Table, string>> = {};
  private rows: Partial<Record<Table, Row[]>> = {};
  private snapshot?: ReferenceSnapshot;

  refreshSync(run: (sql: string) => Row[]): ReferenceSnapshot {
    const stale = this.staleTables(run(REFERENCE_VERSIONS_SQL));
    for (const t of stale.tables) this.rows[t] = run(LOAD_SQL[t]);
    return this.settle(stale);
  }

  async refresh(run: (sql: string) => Promise<Row[]>): Promise<ReferenceSnapshot> {
    const stale = this.staleTables(await run(REFERENCE_VERSIONS_SQL));
    for (const t of stale.tables) this.rows[t] = await run(LOAD_SQL[t]);
    return this.settle(stale);
  }

  private staleTables(counters: Row[]) {
    const seen = new Map(counters.map((r) => [String(r.name), String(r.version)]));
    const tables = TABLES.filter((t) => !this.snapshot || seen.get(t) === undefined || seen.get(t) !== this.versions[t]);
    return { tables, seen };
  }

  private settle({ tables, seen }: { tables: Table[]; seen: Map<string, string> }): ReferenceSnapshot {
    if (tables.length === 0 && this.snapshot) return this.snapshot;
    this.snapshot = build(this.rows as Record<Table, Row[]>);
    // A table without a counter (a database older than the migration) is reloaded every time.
    for (const t of TABLES) this.versions[t] = seen.get(t);
    return this.snapshot;
  }
}

function build(rows: Record<Table, Row[]>): ReferenceSnapshot {
  const channels = new Map(rows.channels.map((r) => [Number(r.id), { id: Number(r.id), active: bool(r.active) }]));
  const categories = new Map(
    rows.categories.map((r) => [
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
  );
  const units = new Map(rows.grid_units.map((r) => [Number(r.id), { id: Number(r.id), path: String(r.path), level: r.level as GridLevel }]));
  const calendar = new WorkCalendar(new Map(rows.calendar_days.map((r) => [String(r.date), bool(r.workday)])));
  return new ReferenceSnapshot(channels, categories, units, calendar);
}
