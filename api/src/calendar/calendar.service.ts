import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { CalendarDay } from './calendar-day.entity.js';
import { fieldError } from '../common/errors.js';
import { hasOfficialData, officialYears, WorkCalendar } from './work-calendar.js';
import { yearDays } from './year-view.js';

/**
 * The working-day calendar in force: the official one plus the corrections in `calendar_days`.
 * Corrections are few; they are held in memory and reloaded when their counter in `reference_versions`
 * moves (bumped by trigger on every write to `calendar_days`, by any instance), read with one query.
 */
@Injectable()
export class CalendarService {
  private current?: { calendar: WorkCalendar; version: string | null };

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async calendar(m: EntityManager = this.ds.manager): Promise<WorkCalendar> {
    const [counter]: { version: number | string }[] = await m.query(`SELECT "version" FROM "reference_versions" WHERE "name" = 'calendar_days'`);
    const version = counter ? String(counter.version) : null;
    if (this.current && version !== null && this.current.version === version) return this.current.calendar;
    const rows = await m.getRepository(CalendarDay).find();
    const calendar = new WorkCalendar(new Map(rows.map((r) => [r.date, r.workday])));
    this.current = { calendar, version };
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

  /** A year's days for the console's year view, with whether the package carries that year's official schedule. */
  async year(raw: string) {
    const year = Number(raw);
    if (!Number.isInteger(year) || year < 1900 || year > 2100) throw fieldError('year', 'wholeBetween', { min: 1900, max: 2100 });
    const corrections = await this.ds
      .getRepository(CalendarDay)
      .createQueryBuilder('d')
      .where('d.date >= :lo AND d.date <= :hi', { lo: `${year}-01-01`, hi: `${year}-12-31` })
      .getMany();
    return { year, official: hasOfficialData(year), days: yearDays(year, corrections) };
  }
}
