import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Category } from '../categories/category.entity.js';
import { Channel } from '../channels/channel.entity.js';
import { fieldError } from '../common/errors.js';
import { pathIds } from '../common/tree.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { defaultDailyDate } from './daily-places.js';
import { dailyText } from './daily-text.js';
import { HotSpotsService } from './hot-spots.service.js';
import { periodFilter, type ReportParams } from './report-params.js';
import { ReportsService } from './reports.service.js';

/** The category whose subtree the daily report counts as safety hazards (安全隐患). */
const SAFETY = { code: 'safety', name: '安全隐患' };
const TOP_TOPICS = 3;

/** The day's intake by channel, and the daily report (日报) built from it and the day's hot spots (集中反映). */
@Injectable()
export class DailyReportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reports: ReportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hotSpots: HotSpotsService,
  ) {}

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
      this.hotSpots.find({}, user, p, null).then((a) => a.spots),
      this.ds.getRepository(Category).find(),
      this.reports
        .inPeriod(user, p)
        .select('c.categoryId', 'category')
        .addSelect('c.channelId', 'channel')
        .addSelect('c.handledDirectly', 'direct')
        // Whether, not when, and counted by the database: a few hundred groups, not a day's thousands of cases.
        .addSelect('CASE WHEN c.dispatchedAt IS NULL THEN 0 ELSE 1 END', 'dispatched')
        .addSelect('COUNT(*)', 'n')
        .groupBy('1')
        .addGroupBy('2')
        .addGroupBy('3')
        .addGroupBy('4')
        .getRawMany() as Promise<{ category: number; channel: number; direct: unknown; dispatched: unknown; n: unknown }[]>,
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
    let handledDirectly = 0;
    let transferred = 0;
    for (const r of rows) {
      const n = Number(r.n);
      const channel = Number(r.channel);
      const root = top(Number(r.category));
      const group = groupOf.get(channel);
      if (root && (group === 'hotline' || group === 'online')) topics.set(root.id, (topics.get(root.id) ?? 0) + n);
      if (root && safetyRoot && root.id === safetyRoot.id) safety.set(channel, (safety.get(channel) ?? 0) + n);
      if (r.direct === true || Number(r.direct) === 1) handledDirectly += n;
      if (Number(r.dispatched) === 1) transferred += n;
    }
    const hotTopics = [...topics]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, TOP_TOPICS)
      .map(([id, count]) => {
        const mine = spots.filter((s) => top(s.categoryId)?.id === id);
        return { categoryId: id, categoryName: catById.get(id)!.name, count, concentrated: mine.length > 0, spots: mine.map((s) => ({ unitName: s.unitName ?? '', categoryName: s.categoryName ?? '', count: s.count, caseIds: s.caseIds, filter: s.filter })) };
      });
    const figures = {
      date,
      calls: intake.byChannel.filter((c) => c.group === 'hotline').reduce((a, c) => a + c.count, 0),
      online: { total: online.reduce((a, c) => a + c.count, 0), byChannel: online.map((c) => ({ channelId: c.channelId, name: c.name, count: c.count })) },
      handledDirectly,
      transferred,
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
