import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { CalendarDay } from './calendar-day.entity.js';
import { hasOfficialData, officialYears, WorkCalendar } from './work-calendar.js';

const TTL_MS = 30_000;

/**
 * The working-day calendar in force: the official one plus the corrections in `calendar_days`.
 * Corrections are few; they are held in memory, reloaded after a local change and at least every
 * TTL_MS (so several API instances agree within that time).
 */
@Injectable()
export class CalendarService {
  private current?: { calendar: WorkCalendar; at: number };

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async calendar(m: EntityManager = this.ds.manager): Promise<WorkCalendar> {
    if (this.current && Date.now() - this.current.at < TTL_MS) return this.current.calendar;
    const rows = await m.getRepository(CalendarDay).find();
    const calendar = new WorkCalendar(new Map(rows.map((r) => [r.date, r.workday])));
    this.current = { calendar, at: Date.now() };
    return calendar;
  }

  invalidate() {
    this.current = undefined;
  }

  /** What the console warns about: a coming year with neither official data nor local corrections. */
  async status() {
    const now = DateTime.now().setZone(this.config.timeZone);
    const years = officialYears(now.year);
    const nextYear = now.year + 1;
    const local = await this.ds
      .getRepository(CalendarDay)
      .createQueryBuilder('d')
      .where('d.date >= :lo AND d.date <= :hi', { lo: `${nextYear}-01-01`, hi: `${nextYear}-12-31` })
      .getCount();
    const nextYearOfficial = hasOfficialData(nextYear);
    return {
      timeZone: this.config.timeZone,
      officialFrom: years.from,
      officialTo: years.to,
      nextYear,
      nextYearOfficial,
      nextYearLocalDays: local,
      warning: !nextYearOfficial && local === 0,
    };
  }
}
