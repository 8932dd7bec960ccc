import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CrudService, RequestContext } from '../common/crud.service.js';
import { fieldError } from '../common/errors.js';
import type { ListSpec } from '../common/list-query.js';
import { CalendarDay } from './calendar-day.entity.js';
import { CalendarService } from './calendar.service.js';
import type { CreateCalendarDayDto, UpdateCalendarDayDto } from './dto/calendar-day.dto.js';

@Injectable()
export class CalendarDaysService extends CrudService<CalendarDay, CreateCalendarDayDto, UpdateCalendarDayDto> {
  protected readonly label = 'Calendar day';
  protected readonly spec: ListSpec<RequestContext> = {
    alias: 'cd',
    defaultSort: ['date', 'ASC'],
    fields: {
      id: { type: 'int' },
      date: { type: 'date' },
      workday: { type: 'boolean' },
      name: { type: 'string' },
    },
    search: (qb, term, param) => qb.andWhere(`(cd.name LIKE ${param(`%${term}%`)} OR cd.date LIKE ${param(`%${term}%`)})`),
  };

  constructor(
    @InjectDataSource() ds: DataSource,
    private readonly calendars: CalendarService,
  ) {
    super(ds, ds.getRepository(CalendarDay));
  }

  protected override async prepare(dto: Record<string, unknown>): Promise<Partial<CalendarDay>> {
    if (typeof dto.date === 'string' && Number.isNaN(Date.parse(`${dto.date}T00:00:00Z`))) throw fieldError('date', 'invalidDate');
    if (typeof dto.date === 'string' && new Date(`${dto.date}T00:00:00Z`).toISOString().slice(0, 10) !== dto.date) throw fieldError('date', 'invalidDate');
    return dto as Partial<CalendarDay>;
  }

  protected override async afterWrite(_row: CalendarDay, _m: EntityManager) {
    this.calendars.invalidate();
  }
}
