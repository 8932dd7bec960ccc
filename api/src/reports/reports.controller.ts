import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import { DailyReportService } from './daily-report.service.js';
import { ReportsService } from './reports.service.js';

/** The supervisors' figures (CONTRACT.md "Reports"); every figure carries the case filter behind it. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly daily: DailyReportService,
  ) {}

  @Get('closure-times')
  closureTimes(@Query() q: Record<string, unknown>, @CurrentUser() user: AuthUser) {
    return this.reports.closureTimes(q, user);
  }

  @Get('rates')
  rates(@Query() q: Record<string, unknown>, @CurrentUser() user: AuthUser) {
    return this.reports.rates(q, user);
  }

  @Get('trend')
  trend(@Query() q: Record<string, unknown>, @CurrentUser() user: AuthUser) {
    return this.reports.trend(q, user);
  }

  @Get('hotspots')
  hotspots(@Query() q: Record<string, unknown>, @CurrentUser() user: AuthUser) {
    return this.daily.hotspots(q, user);
  }

  @Get('intake')
  intake(@Query() q: Record<string, unknown>, @CurrentUser() user: AuthUser) {
    return this.daily.intake(q, user);
  }

  @Get('daily')
  dailyReport(@Query() q: Record<string, unknown>, @CurrentUser() user: AuthUser) {
    return this.daily.daily(q, user);
  }
}
