import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Category } from '../categories/category.entity.js';
import { Channel } from '../channels/channel.entity.js';
import { fieldError } from '../common/errors.js';
import { words } from '../common/localize.js';
import { instantMs } from '../common/time.js';
import { pathIds } from '../common/tree.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { GridUnit } from '../grid/grid-unit.entity.js';
import { defaultDailyDate, placeName, type PlaceUnit } from './daily-places.js';
import { dailyText } from './daily-text.js';
import { byName } from './groups.js';
import { HotSpotFinder } from './hotspots.js';
import { periodFilter, type ReportParams } from './report-params.js';
import { ReportsService } from './reports.service.js';

/** The category whose subtree the daily report counts as safety hazards (安全隐患). */
const SAFETY = { code: 'safety', name: '安全隐患' };
const TOP_TOPICS = 3;

/** The hot-spot report reads the period this much at a time. */
const HOTSPOT_SLICE_MS = 24 * 3_600_000;

/** Hot spots (集中反映), the day's intake by channel, and the daily report (日报) built from them. */
@Injectable()
export class DailyReportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reports: ReportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Hot spots among the period's requests (rejected ones aside): K of one category in one unit within the window. */
  async hotspots(q: Record<string, unknown>, user: AuthUser, given?: ReportParams) {
    const p = given ?? (await this.reports.params(q, user));
    const k = q.k === undefined ? 5 : Number(q.k);
    const windowHours = q.windowHours === undefined ? 24 : Number(q.windowHours);
    const level = (q.level ?? 'grid') as string;
    if (!Number.isInteger(k) || k < 2 || k > 1000) throw fieldError('k', 'wholeBetween', { min: 2, max: 1000 });
    if (!Number.isFinite(windowHours) || windowHours <= 0 || windowHours > 24 * 90) throw fieldError('windowHours', 'hoursBetween', { min: 1, max: 2160 });
    if (level !== 'grid' && level !== 'community') throw fieldError('level', 'oneOf', { values: words('level', ['grid', 'community']) });
    const unit = level === 'grid' ? 'COALESCE(c.gridId, c.gridUnitId)' : 'COALESCE(c.communityId, c.gridUnitId)';
    // The period's requests in order of time, as its index reads them, a day at a time: the finder keeps
    // only what a hot spot can still need, so a year of a city's cases is never held at once (read in one
    // go, a few hundred thousand rows ran the server out of memory).
    const finder = new HotSpotFinder(k, windowHours * 3_600_000);
    for (let from = p.start.getTime(); from < p.end.getTime(); from += HOTSPOT_SLICE_MS) {
      const to = Math.min(from + HOTSPOT_SLICE_MS, p.end.getTime());
      const rows: { id: number; unit: number; category: number; at: Date | string }[] = await this.reports
        .inPeriod(user, { ...p, start: new Date(from), end: new Date(to) })
        .select('c.id', 'id')
        .addSelect(unit, 'unit')
        .addSelect('c.categoryId', 'category')
        .addSelect('c.receivedAt', 'at')
        .andWhere(`c.status <> 'rejected'`)
        // Only by time, which the reports' covering index gives without a sort (a sort by unit and
        // category here was most of the report's time; by time and id, the table was read row by row).
        .orderBy('c.receivedAt')
        .getRawMany();
      for (const r of rows) finder.add({ id: Number(r.id), unitId: Number(r.unit), categoryId: Number(r.category), at: instantMs(r.at) });
    }
    const spots = finder.clusters();
    const [units, categories] = await Promise.all([this.placeNames(spots.map((s) => s.unitId)), byName(Category, 'name')(this.ds.manager, spots.map((s) => s.categoryId))]);
    return spots
      .map((s) => ({ unitId: s.unitId, unitName: units.get(s.unitId) ?? null, categoryId: s.categoryId, categoryName: categories.get(s.categoryId) ?? null, count: s.caseIds.length, firstAt: new Date(s.firstAt), lastAt: new Date(s.lastAt), caseIds: s.caseIds }))
      .sort((a, b) => b.count - a.count || b.lastAt.getTime() - a.lastAt.getTime());
  }

  /** The units' names with their community (`黄河路社区 2号网格`): the units and their ancestors, read in two queries. */
  private async placeNames(ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const repo = this.ds.getRepository(GridUnit);
    const fields = ['u.id', 'u.name', 'u.level', 'u.path'];
    const own: PlaceUnit[] = await repo.createQueryBuilder('u').select(fields).where('u.id IN (:...ids)', { ids: [...new Set(ids)] }).getMany();
    const above = [...new Set(own.flatMap((u) => pathIds(u.path)))];
    const all: PlaceUnit[] = above.length ? await repo.createQueryBuilder('u').select(fields).where('u.id IN (:...ids)', { ids: above }).getMany() : [];
    const byId = new Map(all.map((u) => [u.id, u]));
    return new Map(own.map((u) => [u.id, placeName(u, byId)]));
  }

  /** The period's intake by channel, every active channel listed. */
  async intake(q: Record<string, unknown>, user: AuthUser, given?: ReportParams) {
    const p = given ?? (await this.reports.params(q, user));
    const byId = new Map((await this.reports.counts(user, p, new Date(), 'channel')).map((g) => [g.key, g.counts.cases]));
    const channels = await this.ds.getRepository(Channel).find({ order: { sort: 'ASC', id: 'ASC' } });
    const byChannel = channels.filter((c) => c.active || byId.has(c.id)).map((c) => ({ channelId: c.id, name: c.name, group: c.group, count: byId.get(c.id) ?? 0 }));
    return { from: p.from, to: p.to, unitId: p.unitId, total: byChannel.reduce((a, c) => a + c.count, 0), byChannel };
  }

  /** 日报: the day's figures as DOMAIN.md defines them, and the text a supervisor publishes. */
  async daily(q: Record<string, unknown>, user: AuthUser) {
    const date = q.date === undefined || q.date === '' ? defaultDailyDate(new Date(), this.config.timeZone, this.config.dailyReportHour) : q.date;
    if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !DateTime.fromISO(date).isValid) throw fieldError('date', 'date');
    const p = await this.reports.params({ from: date, to: date, unitId: q.unitId }, user);
    const [intake, spots, categories, rows] = await Promise.all([
      this.intake(q, user, p),
      this.hotspots({}, user, p),
      this.ds.getRepository(Category).find(),
      this.reports
        .inPeriod(user, p)
        .select('c.categoryId', 'category')
        .addSelect('c.channelId', 'channel')
        .addSelect('c.handledDirectly', 'direct')
        .addSelect('c.dispatchedAt', 'dispatchedAt')
        .getRawMany() as Promise<{ category: number; channel: number; direct: unknown; dispatchedAt: unknown }[]>,
    ]);
    const groupOf = new Map(intake.byChannel.map((c) => [c.channelId, c.group]));
    const nameOfChannel = new Map(intake.byChannel.map((c) => [c.channelId, c.name]));
    const catById = new Map(categories.map((c) => [c.id, c]));
    const top = (id: number) => catById.get(pathIds(catById.get(id)?.path ?? '')[0] ?? id);
    const safetyRoot = categories.find((c) => c.parentId === null && (c.code === SAFETY.code || c.name === SAFETY.name));
    const base = periodFilter(p);

    const online = intake.byChannel.filter((c) => c.group === 'online');
    const topics = new Map<number, number>();
    const safety = new Map<number, number>();
    for (const r of rows) {
      const channel = Number(r.channel);
      const root = top(Number(r.category));
      const group = groupOf.get(channel);
      if (root && (group === 'hotline' || group === 'online')) topics.set(root.id, (topics.get(root.id) ?? 0) + 1);
      if (root && safetyRoot && root.id === safetyRoot.id) safety.set(channel, (safety.get(channel) ?? 0) + 1);
    }
    const hotTopics = [...topics]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, TOP_TOPICS)
      .map(([id, count]) => {
        const mine = spots.filter((s) => top(s.categoryId)?.id === id);
        return { categoryId: id, categoryName: catById.get(id)!.name, count, concentrated: mine.length > 0, spots: mine.map((s) => ({ unitName: s.unitName ?? '', categoryName: s.categoryName ?? '', count: s.count, caseIds: s.caseIds })) };
      });
    const figures = {
      date,
      calls: intake.byChannel.filter((c) => c.group === 'hotline').reduce((a, c) => a + c.count, 0),
      online: { total: online.reduce((a, c) => a + c.count, 0), byChannel: online.map((c) => ({ channelId: c.channelId, name: c.name, count: c.count })) },
      handledDirectly: rows.filter((r) => r.direct === true || Number(r.direct) === 1).length,
      transferred: rows.filter((r) => r.dispatchedAt !== null).length,
      hotTopics,
      safety: { total: [...safety.values()].reduce((a, b) => a + b, 0), byChannel: [...safety].map(([channelId, count]) => ({ channelId, name: nameOfChannel.get(channelId) ?? '', count })).sort((a, b) => b.count - a.count || a.channelId - b.channelId) },
    };
    const channelsOf = (group: string) => intake.byChannel.filter((c) => c.group === group).map((c) => c.channelId);
    return {
      ...figures,
      text: dailyText(figures),
      filters: {
        calls: { ...base, channelId: channelsOf('hotline') },
        online: { ...base, channelId: channelsOf('online') },
        handledDirectly: { ...base, handledDirectly: true },
        transferred: { ...base, dispatchedAt_neq: null },
        safety: safetyRoot ? { ...base, categoryId: categories.filter((c) => top(c.id)?.id === safetyRoot.id).map((c) => c.id) } : { ...base, categoryId: [] },
      },
    };
  }
}
