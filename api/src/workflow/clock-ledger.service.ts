import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { CaseEvent } from '../cases/case-event.entity.js';
import { CasesService } from '../cases/cases.service.js';
import { CategoriesService } from '../categories/categories.service.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { clockLedger } from './clock-ledger.js';
import { limitsFor } from './time-limits.js';

/** `GET /api/cases/:id/clocks`: the case's clock ledger, replayed from its timeline for anyone who may see the case. */
@Injectable()
export class ClockLedgerService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cases: CasesService,
    private readonly categories: CategoriesService,
    private readonly calendars: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async ledger(caseId: number, user: AuthUser, now = new Date()) {
    const c = await this.cases.findOrThrow(caseId, user);
    const events = await this.ds.getRepository(CaseEvent).find({ where: { caseId }, order: { id: 'ASC' }, select: { id: true, action: true, toStatus: true, createdAt: true, data: true } });
    const policy = await this.categories.policyFor(c.categoryId);
    const calendar = await this.calendars.calendar();
    return clockLedger({ events, limits: limitsFor(policy, c.priority), calendar, timeZone: this.config.timeZone, now });
  }
}
