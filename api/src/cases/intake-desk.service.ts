import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CategoriesService } from '../categories/categories.service.js';
import { fieldError } from '../common/errors.js';
import { idOf } from '../common/ids.js';
import { maskPhone } from '../common/privacy.js';
import { AccessLogWriter } from '../access-log/access-log.writer.js';
import { scopeToUnit } from '../common/scope.js';
import { pathIds, subtreeUpperBound } from '../common/tree.js';
import { Department } from '../departments/department.entity.js';
import { GridUnit } from '../grid/grid-unit.entity.js';
import { Resident } from '../residents/resident.entity.js';
import { closeness, containment, textPairs } from './case-search.js';
import { OPEN_STATUSES } from './case.constants.js';
import type { Case } from './case.entity.js';
import { CasesService } from './cases.service.js';
import { orderForDispatch } from './dispatch-order.js';
import { phoneRange } from './phone-prefix.js';

const DAY_MS = 86_400_000;
/** Open cases of the same category in the same compound or grid within these days are possible duplicates. */
export const SAME_PLACE_DAYS = 7;
/** Open cases with a close title or address within these days are possible duplicates too… */
const CLOSE_TEXT_DAYS = 30;
/** …among the newest this many of them in the caller's scope (a community's month, a city's few days). */
const CLOSE_TEXT_CANDIDATES = 3000;
/** How close a title must be (Dice's coefficient of the character pairs, or the share of the typed one found in it). */
const CLOSE_TITLE = 0.5;
/**
 * And an address: stricter, since a compound's addresses share most of their pairs (小碱小区5号楼1单元302 and
 * …2单元301 are 0.75, two households); the same entrance or door is 0.8 or more.
 */
const CLOSE_ADDRESS = 0.8;
/** The window of "how often a unit took this category". */
const DISPATCH_HISTORY_DAYS = 90;

/** A number as it is typed at the desk: at least 3 digits, digits and hyphens only (0971-12…). */
const PHONE_PREFIX = /^(?=(?:\D*\d){3})[\d-]{3,30}$/;

const wherePhoneStarts = (column: string, prefix: string) => {
  const { lo, hi } = phoneRange(prefix);
  return [`${column} >= :lo${hi ? ` AND ${column} < :hi` : ''} AND ${column} LIKE :like`, { lo, hi, like: `${prefix}%` }] as const;
};

/** The few fields of a case the desk shows, with the phone masked (as every list shows it). */
const brief = (c: Case) => ({
  id: c.id,
  number: c.number,
  title: c.title,
  status: c.status,
  receivedAt: c.receivedAt,
  categoryId: c.categoryId,
  gridUnitId: c.gridUnitId,
  address: c.address,
  residentId: c.residentId,
  reporterName: c.reporterName,
  reporterPhone: maskPhone(c.reporterPhone),
});

/**
 * What the intake desk asks while a call is taken (caller-first intake): who is calling, whether the
 * request is already known, and where to dispatch it. Every read is within the caller's scope.
 */
@Injectable()
export class IntakeDeskService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cases: CasesService,
    private readonly categories: CategoriesService,
    private readonly accessLog: AccessLogWriter,
  ) {}

  /** Residents and past cases whose number starts with what was typed; each resident with their last cases. */
  async byPhone(phone: unknown, user: AuthUser) {
    const prefix = typeof phone === 'string' ? phone.trim() : '';
    if (!PHONE_PREFIX.test(prefix)) throw fieldError('phone', 'phonePrefix');
    const rq = this.ds.getRepository(Resident).createQueryBuilder('r').where(...wherePhoneStarts('r.phone', prefix)).orderBy('r.name', 'ASC').take(8);
    scopeToUnit(rq, 'r.unitPath', user);
    const residents = await rq.getMany();
    const theirs = residents.length
      ? await this.cases.scoped(user).andWhere('c.residentId IN (:...ids)', { ids: residents.map((r) => r.id) }).orderBy('c.receivedAt', 'DESC').take(50).getMany()
      : [];
    const past = await this.cases.scoped(user).andWhere(...wherePhoneStarts('c.reporterPhone', prefix)).orderBy('c.receivedAt', 'DESC').take(10).getMany();
    // A search by a caller's number: on the record, whatever it found (DOMAIN.md, personal data).
    this.accessLog.record(user, { action: 'read', resource: 'residents', rows: residents.length + past.length, detail: 'by-phone' });
    return {
      residents: residents.map((r) => ({
        id: r.id,
        name: r.name,
        phone: maskPhone(r.phone),
        address: r.address,
        gridUnitId: r.gridUnitId,
        tags: r.tags,
        lastCases: theirs.filter((c) => c.residentId === r.id).slice(0, 5).map(brief),
      })),
      cases: past.map(brief),
    };
  }

  /**
   * Possible duplicates of a request being logged: open cases of the same category in the same compound
   * (else grid) in the last 7 days, and open cases of the last 30 days whose title or address is close,
   * compared by the keyword index's character pairs. The same place first, then the closest texts.
   */
  async duplicates(query: Record<string, unknown>, user: AuthUser) {
    const categoryId = optionalId(query.categoryId, 'categoryId');
    const gridUnitId = optionalId(query.gridUnitId, 'gridUnitId');
    const title = typeof query.title === 'string' ? query.title : '';
    const address = typeof query.address === 'string' ? query.address : '';
    const now = Date.now();
    const out = new Map<number, ReturnType<typeof brief> & { reason: 'same_place' | 'close_text'; closeness: number }>();
    if (categoryId && gridUnitId) {
      const area = await this.areaOf(gridUnitId);
      if (area) {
        const rows = await this.cases
          .scoped(user)
          .andWhere('c.status IN (:...open)', { open: OPEN_STATUSES })
          .andWhere('c.categoryId = :categoryId', { categoryId })
          .andWhere('c.receivedAt >= :since', { since: new Date(now - SAME_PLACE_DAYS * DAY_MS) })
          .andWhere('c.unitPath >= :lo AND c.unitPath < :hi', { lo: area, hi: subtreeUpperBound(area) })
          .orderBy('c.receivedAt', 'DESC')
          .take(20)
          .getMany();
        for (const c of rows) out.set(c.id, { ...brief(c), reason: 'same_place', closeness: 1 });
      }
    }
    const titlePairs = textPairs(title);
    const addressPairs = textPairs(address);
    if (titlePairs.size + addressPairs.size > 0) {
      // The open cases of the last 30 days, newest first, only the words compared: a bounded read on the
      // status and time indexes. (A keyword-index OR of every pair read the posting lists of 小区, 号楼…: half
      // a second at 100,000 cases, growing with the table.)
      const recent = await this.cases
        .scoped(user)
        .select(['c.id', 'c.title', 'c.address'])
        .andWhere('c.status IN (:...open)', { open: OPEN_STATUSES })
        .andWhere('c.receivedAt >= :recent', { recent: new Date(now - CLOSE_TEXT_DAYS * DAY_MS) })
        .orderBy('c.receivedAt', 'DESC')
        .take(CLOSE_TEXT_CANDIDATES)
        .getMany();
      const scored = recent
        .map((c) => {
          const pairs = textPairs(c.title);
          // A title typed short is close when the other holds it; an address is not (every door of a building would).
          return { id: c.id, title: Math.max(closeness(titlePairs, pairs), containment(titlePairs, pairs)), address: closeness(addressPairs, textPairs(c.address)) };
        })
        .filter((x) => (x.title >= CLOSE_TITLE || x.address >= CLOSE_ADDRESS - 1e-9) && !out.has(x.id))
        .map(({ id, title, address }) => ({ id, score: Math.max(title, address) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 10);
      const rows = scored.length ? await this.cases.scoped(user).andWhere('c.id IN (:...ids)', { ids: scored.map((x) => x.id) }).getMany() : [];
      const byId = new Map(rows.map((c) => [c.id, c]));
      for (const { id, score } of scored) if (byId.has(id)) out.set(id, { ...brief(byId.get(id)!), reason: 'close_text', closeness: Math.round(score * 100) / 100 });
    }
    return [...out.values()];
  }

  /** The units a case of this category can go to, in the order the 派单 dialog offers them. */
  async dispatchUnits(categoryIdRaw: unknown) {
    const categoryId = optionalId(categoryIdRaw, 'categoryId');
    if (!categoryId) throw fieldError('categoryId', 'required');
    // The category's own unit, else the nearest ancestor's: what dispatch "defaults from the category" means.
    const chain = await this.categories.chain(categoryId);
    const suggested = chain.find((c) => c.departmentId != null)?.departmentId ?? null;
    const units = await this.ds.getRepository(Department).find({ where: { active: true }, select: { id: true, name: true } });
    const rows: { departmentId: number; took: string | number }[] = await this.ds
      .createQueryBuilder()
      .select('c.department_id', 'departmentId')
      .addSelect('COUNT(*)', 'took')
      .from('cases', 'c')
      .where('c.category_id = :categoryId AND c.department_id IS NOT NULL AND c.dispatched_at >= :since', { categoryId, since: new Date(Date.now() - DISPATCH_HISTORY_DAYS * DAY_MS) })
      .groupBy('c.department_id')
      .getRawMany();
    return orderForDispatch(units, suggested, new Map(rows.map((r) => [Number(r.departmentId), Number(r.took)])));
  }

  /** The compound a unit lies in (or is), else its grid, else the unit itself: "the same place". */
  private async areaOf(unitId: number): Promise<string | null> {
    const unit = await this.ds.getRepository(GridUnit).findOne({ where: { id: unitId }, select: { id: true, path: true } });
    if (!unit) return null;
    const ancestors = await this.ds.getRepository(GridUnit).find({ where: { id: In(pathIds(unit.path)) }, select: { id: true, level: true, path: true } });
    const deepest = (level: string) => ancestors.filter((u) => u.level === level).sort((a, b) => b.path.length - a.path.length)[0];
    return (deepest('compound') ?? deepest('grid') ?? unit).path;
  }
}

function optionalId(v: unknown, field: string): number | null {
  if (v === undefined || v === '' || v === null) return null;
  return idOf(v, field);
}
