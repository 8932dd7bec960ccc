/**
 * Intake (POST /api/cases): check the references, number the case, compute its clocks, write it with its
 * timeline and keyword entry, and answer with the row as written (nothing is read back).
 *
 * The steps are here, once (`intakeRecipe`), with the reference data in memory (intake-reference.ts); each
 * engine answers the recipe's reads and makes its writes (`IntakeSteps`): on SQLite one synchronous
 * better-sqlite3 transaction (intake-sqlite.ts); on PostgreSQL a batch read and one write statement
 * (intake-postgres.ts); through TypeORM (below) in a caller's transaction.
 */
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { fieldError, forbidden } from '../common/errors.js';
import { inScope } from '../common/scope.js';
import { localDate } from '../common/time.js';
import { lateness } from '../workflow/overdue.js';
import { appendEvents } from '../timeline/append-events.js';
import type { NewEvent } from '../timeline/event-chain.js';
import { limitsFor } from '../workflow/time-limits.js';
import { CaseEvent } from './case-event.entity.js';
import { caseNumber, nextSerial } from './case-numbers.js';
import { queueForIndex } from '../search/keyword-index.js';
import { Case } from './case.entity.js';
import type { CreateCaseDto } from './dto/create-case.dto.js';
import { IntakeReference, type ReferenceSnapshot } from './intake-reference.js';

/** 重复诉求: the same reporter (by phone) raised the same category in the 30 days before. */
const REPEAT_DAYS = 30;

export interface IntakeRequest {
  dto: CreateCaseDto;
  /** The staff member logging it; null for a request asked from outside (the public page, Open311). */
  user: AuthUser | null;
  /** Where an outside request came from, recorded on its first event (`public`, `enterprise`, `open311`). */
  origin?: string;
  now: Date;
  receivedAt: Date;
  timeZone: string;
}

interface ResidentRow {
  id: number;
  name: string;
  phone: string | null;
  address: string | null;
  tags: string[];
}

export const RESIDENT_SQL = (p: string) => `SELECT "id", "name", "phone", "address", "tags" FROM "residents" WHERE "id" = ${p}`;
export const REPEAT_SQL = (p: (i: number) => string) =>
  `SELECT 1 AS "hit" FROM "cases" WHERE "reporter_phone" = ${p(1)} AND "category_id" = ${p(2)} AND "received_at" >= ${p(3)} AND "received_at" <= ${p(4)} LIMIT 1`;

/** A referenced record must exist and be in use (the 400s name the field), and the unit be in scope (403). */
export function references(ref: ReferenceSnapshot, dto: CreateCaseDto, user: AuthUser | null) {
  const channel = mustHave(ref.channels, 'channelId', dto.channelId);
  const category = mustHave(ref.categories, 'categoryId', dto.categoryId);
  const unit = mustHave(ref.units, 'gridUnitId', dto.gridUnitId);
  if (!channel.active) throw fieldError('channelId', 'noLongerInUse');
  if (!category.active) throw fieldError('categoryId', 'noLongerInUse');
  if (user && !inScope(user, unit.path)) throw forbidden('outOfScope');
  return { channel, category, unit };
}

function mustHave<T>(rows: ReadonlyMap<number, T>, field: string, id: unknown): T {
  if (id === null || id === undefined) throw fieldError(field, 'required');
  const row = rows.get(id as number);
  if (!row) throw fieldError(field, 'doesNotExist', { id: String(id) });
  return row;
}

export const noResident = (id: number) => fieldError('residentId', 'doesNotExist', { id: String(id) });

export function residentOf(raw: Record<string, unknown> | undefined): ResidentRow | null {
  if (!raw) return null;
  const tags = typeof raw.tags === 'string' ? JSON.parse(raw.tags) : raw.tags;
  return { id: Number(raw.id), name: raw.name as string, phone: (raw.phone as string | null) ?? null, address: (raw.address as string | null) ?? null, tags: tags ?? [] };
}

/** What the number and the repeat check need before the row can be drafted. */
export function keys(req: IntakeRequest, resident: ResidentRow | null) {
  const { receivedAt } = req;
  return {
    day: localDate(receivedAt, req.timeZone).replaceAll('-', ''),
    phone: req.dto.reporterPhone ?? resident?.phone ?? null,
    since: new Date(receivedAt.getTime() - REPEAT_DAYS * 86_400_000),
  };
}

type Refs = ReturnType<typeof references>;

/**
 * The case as intake writes it: every column, in the entity's order, so that the answer is the row a
 * later GET reads back. A request logged late may already be past a due time: flagged now, with events.
 */
export function draft(req: IntakeRequest, ref: ReferenceSnapshot, { channel, category, unit }: Refs, resident: ResidentRow | null, day: string, serial: number, isRepeat: boolean) {
  const { dto, user, now, receivedAt, timeZone } = req;
  const priority = dto.priority ?? 'normal';
  const limits = limitsFor(ref.policyOf(category.id), priority);
  const tags = resident?.tags ?? [];
  const ancestry = ref.ancestryOf(unit);
  const row: Case = {
    id: 0,
    number: caseNumber(day, serial),
    title: dto.title,
    description: dto.description ?? '',
    type: dto.type,
    channelId: channel.id,
    categoryId: category.id,
    gridUnitId: unit.id,
    unitPath: unit.path,
    communityId: ancestry.communityId,
    gridId: ancestry.gridId,
    priority,
    residentId: resident?.id ?? null,
    reporterName: dto.reporterName ?? resident?.name ?? null,
    reporterPhone: dto.reporterPhone ?? resident?.phone ?? null,
    address: dto.address ?? resident?.address ?? null,
    lat: dto.lat ?? null,
    lng: dto.lng ?? null,
    residentTags: tags,
    keyPopulation: tags.length > 0,
    receivedAt,
    status: 'received',
    // The category's default unit is a suggestion for dispatch, not an assignment yet.
    departmentId: null,
    assigneeId: null,
    handledDirectly: false,
    signDueAt: null,
    responseDueAt: ref.dueAt(receivedAt, limits.response, timeZone, day),
    resolveDueAt: ref.dueAt(receivedAt, limits.resolve, timeZone, day),
    dispatchedAt: null,
    acceptedAt: null,
    respondedAt: null,
    repliedAt: null,
    closedAt: null,
    result: null,
    resolved: null,
    satisfaction: null,
    superviseLevel: null,
    parentCaseId: null,
    reopenCount: 0,
    returnCount: 0,
    signOverdue: false,
    responseOverdue: false,
    resolveOverdue: false,
    overdue: false,
    closeHours: null,
    closeWorkdays: null,
    followUps: 0,
    followUpsResolved: 0,
    followUpsSatisfied: 0,
    isRepeat,
    extensionDaysPending: null,
    pauseState: null,
    pausedAt: null,
    resumeOn: null,
    pausedMinutes: 0,
    flightSince: null,
    flightMinutes: 0,
    appealState: null,
    appealLevel: 0,
    appealDueAt: null,
    excusedFollowUps: 0,
    excusedResolved: 0,
    excusedSatisfied: 0,
    createdById: user?.id ?? null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const late = lateness({}, row, now);
  Object.assign(row, late.flags);
  return { row, late: late.events };
}

/** The timeline of a new case: its creation, then any clock that had already run out (by the system). */
export function timeline(row: Case, user: AuthUser | null, late: Partial<CaseEvent>[], origin?: string): Partial<CaseEvent>[] {
  const { number, channelId, categoryId, priority, responseDueAt, resolveDueAt } = row;
  const create: Partial<CaseEvent> = {
    caseId: row.id,
    action: 'create',
    fromStatus: null,
    toStatus: 'received',
    actorId: user?.id ?? null,
    note: null,
    data: { number, channelId, categoryId, priority, responseDueAt, resolveDueAt, ...(origin ? { origin } : {}) },
    createdAt: row.createdAt,
  };
  return [create, ...late.map((e) => ({ ...e, caseId: row.id }))];
}

/** SQLite's `datetime` columns as TypeORM writes them: UTC, `YYYY-MM-DD HH:MM:SS.SSS`. */
export const utc = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 23);

/**
 * What the recipe asks of the database, answered synchronously: on SQLite by prepared statements inside
 * the batch's transaction; on PostgreSQL and through TypeORM from what was read beforehand (`IntakeFacts`),
 * the writes collected to be sent at once.
 */
export interface IntakeSteps {
  /** The resident's row as read (`RESIDENT_SQL`), undefined when there is none. */
  resident(id: number): Record<string, unknown> | undefined;
  /** The day's next serial. */
  serial(day: string): number;
  /** Whether this reporter raised this category in the window (`REPEAT_SQL`). */
  repeat(phone: string, categoryId: number, since: Date, until: Date): boolean;
  /** Writes the case (and queues its keyword entry); returns its id. */
  insertCase(row: Case): number;
  /** Writes the new case's first events (its chain starts with them: nothing to read) and the chain's head. */
  insertTimeline(caseId: number, events: NewEvent[]): void;
}

/**
 * The one intake recipe, for every engine: references, resident, keys, number, repeat check, draft,
 * insert, keyword entry, timeline chain. Throws the 400/403 before anything is written.
 */
export function intakeRecipe(req: IntakeRequest, ref: ReferenceSnapshot, steps: IntakeSteps): Case {
  const refs = references(ref, req.dto, req.user);
  const residentId = req.dto.residentId;
  const resident = residentId != null ? residentOf(steps.resident(residentId)) : null;
  if (residentId != null && !resident) throw noResident(residentId);
  const k = keys(req, resident);
  const serial = steps.serial(k.day);
  const isRepeat = k.phone ? steps.repeat(k.phone, refs.category.id, k.since, req.receivedAt) : false;
  const { row, late } = draft(req, ref, refs, resident, k.day, serial, isRepeat);
  row.id = steps.insertCase(row);
  steps.insertTimeline(row.id, timeline(row, req.user, late, req.origin));
  return row;
}

/**
 * Intake through TypeORM, in the caller's transaction: SQLite's fallback, and a case logged inside a
 * workflow action's transaction there. Reads what the recipe will ask, runs it, then writes.
 */
export async function intakeWithTypeorm(m: EntityManager, reference: IntakeReference, req: IntakeRequest): Promise<Case> {
  const ref = await reference.refresh((sql) => m.query(sql));
  const residentId = req.dto.residentId;
  const residentRow = residentId != null ? (await m.query(RESIDENT_SQL('?'), [residentId]))[0] : undefined;
  const k = keys(req, residentOf(residentRow));
  const serial = await nextSerial(m, k.day);
  const categoryId = req.dto.categoryId;
  const hit = k.phone && categoryId != null ? (await m.query(REPEAT_SQL(() => '?'), [k.phone, categoryId, utc(k.since), utc(req.receivedAt)])).length > 0 : false;
  let events: NewEvent[] = [];
  // The id is known only after the INSERT below: the recipe drafts, the writes follow it.
  const row = intakeRecipe(req, ref, { resident: () => residentRow, serial: () => serial, repeat: () => hit, insertCase: () => 0, insertTimeline: (_, e) => (events = e) });
  const { id: _id, ...values } = row;
  const inserted = await m.insert(Case, values as never);
  row.id = Number(inserted.identifiers[0].id);
  await queueForIndex(m, [row.id]);
  await appendEvents(m, row.id, events, { newCase: true });
  return row;
}
