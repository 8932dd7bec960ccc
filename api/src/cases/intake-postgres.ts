/**
 * Intake on PostgreSQL: the recipe (intake.ts) over a batch, in three round trips for the whole batch at
 * most, none of which holds a lock while Node works:
 *
 * 1. one read: the reference counters, each request's resident and repeat check, and a case id from the
 *    sequence (ids are known before the write, so the timeline can be hashed before it is sent);
 * 2. only when the block in hand runs out: a block of serials (serial-blocks.ts);
 * 3. one write statement for every case of the batch with its keyword entry, events and chain head
 *    (`json_populate_recordset`: one parameter per table whatever the batch's size), a single statement
 *    and so its own transaction: all of a case is written or none of it.
 *
 * Intakes that arrive while a batch is under way wait for the next one (group commit, as on SQLite); a
 * few batches run at once on the pool's connections. A write that fails is tried again case by case, so
 * that only the case at fault answers an error. The tallies the insert trigger keeps are striped per
 * connection (migration TallyStripes), so concurrent batches, of this instance or another, do not wait
 * for one another on a unit's row.
 */
import { LOCKS } from '../database/advisory-lock.js';
import { quotedNames } from '../database/sql-dialect.js';
import type { DataSource, EntityManager } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { localDate } from '../common/time.js';
import { chainEvents, storedJson } from '../timeline/event-chain.js';
import { Case } from './case.entity.js';
import { intakeRecipe, keys, type IntakeRequest } from './intake.js';
import { REFERENCE_VERSIONS_SQL, type IntakeReference, type ReferenceSnapshot } from './intake-reference.js';
import { SerialBlocks } from './serial-blocks.js';
import type { IntakeEngine } from './intake-engine.js';

/** How often the tallies' stripes are gathered back into one row per key (migration TallyStripes). */
const FOLD_TALLIES_MS = 60_000;
/** One instance at a time folds (another's fold would only wait for it). */
// Its own key: under the overdue scan's, each skipped its turn while the other ran.
const FOLD_SQL = `SELECT fold_case_tallies() WHERE pg_try_advisory_xact_lock(${LOCKS.tallyFold})`;

/** Intakes per batch at most. */
const MAX_BATCH = 64;
/** Batches under way at once (each holds a pool connection for its round trips). */
const MAX_IN_FLIGHT = 3;

/** Each request's resident and repeat check, and an id, in request order; the counters on the first row. */
const READ_SQL = `SELECT x.i, nextval('cases_id_seq')::int AS id,
  r.id AS resident_id, r.name AS resident_name, r.phone AS resident_phone, r.address AS resident_address, r.tags AS resident_tags,
  CASE WHEN COALESCE(x.phone, r.phone, '') <> '' THEN EXISTS (SELECT 1 FROM cases c WHERE c.reporter_phone = COALESCE(x.phone, r.phone) AND c.category_id = x.category_id AND c.received_at >= x.since AND c.received_at <= x.until) END AS repeat,
  CASE WHEN x.i = 1 THEN (SELECT json_agg(json_build_object('name', v.name, 'version', v.version::text)) FROM reference_versions v) END AS versions
FROM unnest($1::int[], $2::text[], $3::int[], $4::timestamptz[], $5::timestamptz[]) WITH ORDINALITY AS x(resident_id, phone, category_id, since, until, i)
LEFT JOIN residents r ON r.id = x.resident_id
ORDER BY x.i`;

/** The case's columns that the write statement takes from the unit's placement in the tree, not from the request's row. */
const PLACED: Record<string, string> = { unit_path: 'path', community_id: 'community_id', grid_id: 'grid_id' };

const EVENT_COLUMNS = ['case_id', 'action', 'from_status', 'to_status', 'actor_id', 'note', 'data', 'created_at', 'seq', 'hash'];

interface Waiting {
  req: IntakeRequest;
  resolve: (c: Case) => void;
  reject: (e: unknown) => void;
}

/** What one batch will write, as JSON rows named by column. */
interface Writes {
  cases: Record<string, unknown>[];
  /** The new cases' ids, queued for the keyword index (search/keyword-index.ts). */
  search: { case_id: number }[];
  events: Record<string, unknown>[];
  chains: { case_id: number; head: string; length: number }[];
}

type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

export class PostgresIntake implements IntakeEngine {
  private readonly columns: ColumnMetadata[];
  private readonly writeSql: string;
  private readonly pool: Query;
  private readonly serials: SerialBlocks;
  private queue: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly folding: NodeJS.Timeout;

  constructor(
    private readonly ds: DataSource,
    private readonly reference: IntakeReference,
  ) {
    this.columns = ds.getMetadata(Case).columns.filter((c) => c.isInsert && !c.generatedType && c.propertyName !== 'id');
    const columns = ['id', ...this.columns.map((c) => c.databaseName)];
    const names = quotedNames(columns);
    // The unit's place in the tree as it is when the statement writes, not as this instance read it a moment
    // before: another instance may be moving the unit meanwhile (migration IntakeUnitPlacement).
    const values = columns.map((n) => (n in PLACED ? `p.${PLACED[n]}` : `r."${n}"`)).join(', ');
    const events = quotedNames(EVENT_COLUMNS);
    this.writeSql = `WITH r AS (SELECT * FROM json_populate_recordset(NULL::cases, $1::json)),
p AS (SELECT * FROM grid_unit_placements(ARRAY(SELECT DISTINCT grid_unit_id FROM r))),
c AS (INSERT INTO cases (${names}) SELECT ${values} FROM r LEFT JOIN p ON p.unit_id = r.grid_unit_id RETURNING id, unit_path, community_id, grid_id),
s AS (INSERT INTO case_search_pending (case_id) SELECT case_id FROM json_populate_recordset(NULL::case_search_pending, $2::json) ON CONFLICT DO NOTHING),
e AS (INSERT INTO case_events (${events}) SELECT ${events} FROM json_populate_recordset(NULL::case_events, $3::json)),
h AS (INSERT INTO case_chains (case_id, head, length) SELECT case_id, head, length FROM json_populate_recordset(NULL::case_chains, $4::json))
SELECT id, unit_path, community_id, grid_id FROM c`;
    const driver = ds.driver as PostgresDriver;
    // Statements go through TypeORM's logger as its own do: DB_LOG=true shows them, the bench's recorder sees them.
    // The batch's statements are prepared once per connection (named), the rest are not.
    const prepared = new Map([[READ_SQL, 'intake_read'], [this.writeSql, 'intake_write']]);
    this.pool = async (sql, params) => {
      ds.logger.logQuery(sql, params);
      const name = prepared.get(sql);
      return (await driver.master.query(name ? { name, text: sql, values: params } : { text: sql, values: params })).rows;
    };
    this.serials = new SerialBlocks(this.pool);
    // A fold that meets a concurrent write in another order may fail (deadlock): the next one does it.
    this.folding = setInterval(() => void this.pool(FOLD_SQL, []).catch(() => undefined), FOLD_TALLIES_MS);
    this.folding.unref();
  }

  submit(req: IntakeRequest): Promise<Case> {
    return new Promise((resolve, reject) => {
      this.queue.push({ req, resolve, reject });
      this.schedule();
    });
  }

  /** A case logged inside a caller's transaction (a workflow action): the same recipe, its write in that transaction. */
  async inTransaction(m: EntityManager, req: IntakeRequest): Promise<Case> {
    const query: Query = (sql, params) => m.query(sql, params);
    const [outcome] = await this.run([req], query);
    if (!outcome.ok) throw outcome.error;
    return placeAsSaved([outcome.row], await query(this.writeSql, this.params(outcome.writes)))[0];
  }

  close() {
    clearInterval(this.folding);
  }

  private schedule() {
    if (this.scheduled || this.inFlight >= MAX_IN_FLIGHT || this.queue.length === 0) return;
    this.scheduled = true;
    // The requests parsed in this turn of the event loop join the batch.
    setImmediate(() => {
      this.scheduled = false;
      if (this.inFlight >= MAX_IN_FLIGHT || this.queue.length === 0) return;
      const batch = this.queue.splice(0, MAX_BATCH);
      this.inFlight++;
      void this.flush(batch).finally(() => {
        this.inFlight--;
        this.schedule();
      });
      this.schedule();
    });
  }

  private async flush(batch: Waiting[]) {
    let outcomes: Awaited<ReturnType<PostgresIntake['run']>>;
    try {
      outcomes = await this.run(batch.map((w) => w.req), this.pool);
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    const written = outcomes.flatMap((o, i) => (o.ok ? [{ o, w: batch[i] }] : []));
    const rows = written.map((x) => x.o.row);
    try {
      if (written.length) placeAsSaved(rows, await this.pool(this.writeSql, this.params(merge(written.map((x) => x.o.writes)))));
    } catch {
      // One case at fault (a user deleted meanwhile…) must not fail the others: each alone, its own error.
      await Promise.all(written.map(({ o, w }) => this.pool(this.writeSql, this.params(o.writes)).then((saved) => w.resolve(placeAsSaved([o.row], saved)[0]), w.reject)));
      outcomes.forEach((o, i) => !o.ok && batch[i].reject(o.error));
      return;
    }
    outcomes.forEach((o, i) => (o.ok ? batch[i].resolve(o.row) : batch[i].reject(o.error)));
  }

  /** Reads for the batch, then the recipe for each request: the rows to write, or the request's error. */
  private async run(reqs: IntakeRequest[], query: Query) {
    const dayKeys = reqs.map((r) => keys(r, null));
    const facts = await query(READ_SQL, [
      reqs.map((r) => r.dto.residentId ?? null),
      reqs.map((r) => r.dto.reporterPhone ?? null),
      reqs.map((r) => (typeof r.dto.categoryId === 'number' ? r.dto.categoryId : null)),
      dayKeys.map((k) => k.since),
      reqs.map((r) => r.receivedAt),
    ]);
    const versions = (facts[0].versions ?? []) as Record<string, unknown>[];
    const ref = await this.reference.refresh((sql) => (sql === REFERENCE_VERSIONS_SQL ? Promise.resolve(versions) : this.pool(sql, [])));
    const needs = new Map<string, number>();
    for (const k of dayKeys) needs.set(k.day, (needs.get(k.day) ?? 0) + 1);
    const claim = await this.serials.claim(needs, localDate(reqs[0].now, reqs[0].timeZone).replaceAll('-', ''));
    const outcomes = reqs.map((req, i) => {
      try {
        const writes: Writes = { cases: [], search: [], events: [], chains: [] };
        const row = this.recipe(req, ref, facts[i], (day) => claim.next(day), writes);
        return { ok: true as const, row, writes };
      } catch (error) {
        return { ok: false as const, error };
      }
    });
    claim.release();
    return outcomes;
  }

  private recipe(req: IntakeRequest, ref: ReferenceSnapshot, fact: Record<string, unknown>, serial: (day: string) => number, writes: Writes): Case {
    const driver = this.ds.driver;
    return intakeRecipe(req, ref, {
      resident: () => (fact.resident_id === null ? undefined : { id: fact.resident_id, name: fact.resident_name, phone: fact.resident_phone, address: fact.resident_address, tags: fact.resident_tags }),
      serial,
      // Read with the phone the recipe uses (the request's, else the resident's): see READ_SQL.
      repeat: () => fact.repeat === true,
      insertCase: (row) => {
        const id = Number(fact.id);
        const values = row as unknown as Record<string, unknown>;
        const out: Record<string, unknown> = { id };
        for (const c of this.columns) out[c.databaseName] = driver.preparePersistentValue(values[c.propertyName], c) ?? null;
        writes.cases.push(out);
        writes.search.push({ case_id: id });
        return id;
      },
      insertTimeline: (caseId, events) => {
        const chain = chainEvents(caseId, '', 0, events);
        for (const e of chain.rows) {
          writes.events.push({ case_id: caseId, action: e.action, from_status: e.fromStatus ?? null, to_status: e.toStatus, actor_id: e.actorId ?? null, note: e.note ?? null, data: storedJson(e.data), created_at: e.createdAt, seq: e.seq, hash: e.hash });
        }
        writes.chains.push({ case_id: caseId, head: chain.head, length: chain.length });
      },
    });
  }

  private params(w: Writes): string[] {
    return [JSON.stringify(w.cases), JSON.stringify(w.search), JSON.stringify(w.events), JSON.stringify(w.chains)];
  }
}

function merge(all: Writes[]): Writes {
  return { cases: all.flatMap((w) => w.cases), search: all.flatMap((w) => w.search), events: all.flatMap((w) => w.events), chains: all.flatMap((w) => w.chains) };
}

/** The answered cases with the place in the tree their rows were saved with (the write statement's RETURNING). */
function placeAsSaved(rows: Case[], saved: Record<string, unknown>[]): Case[] {
  const byId = new Map(saved.map((r) => [Number(r.id), r]));
  for (const row of rows) {
    const r = byId.get(row.id);
    if (!r) continue;
    row.unitPath = String(r.unit_path);
    row.communityId = r.community_id === null ? null : Number(r.community_id);
    row.gridId = r.grid_id === null ? null : Number(r.grid_id);
  }
  return rows;
}
