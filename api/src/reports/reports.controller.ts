import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import { ClientGone } from '../common/client-gone.js';
import { notFound } from '../common/errors.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { writeTable, type ExportFormat } from '../exports/table-export.js';
import { ClosureTimesService } from './closure-times.js';
import { contentRange } from '../common/list-query.js';
import { DailyReportService } from './daily-report.service.js';
import { HotSpotsService } from './hot-spots.service.js';
import { MonthlyIssuesService } from './monthly-issues.js';
import { closureTable, dailyTable, hotspotsTable, intakeTable, monthlyIssuesTable, ratesTable, watchListTable, type ReportTable } from './report-exports.js';
import { REPORT_READER, type ReportReader } from './report-reader.js';
import { ReportsService } from './reports.service.js';
import { WatchListService } from './watch-list.js';

/** The supervisors' figures (CONTRACT.md "Reports"); every figure carries the case filter behind it. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly daily: DailyReportService,
    private readonly closures: ClosureTimesService,
    private readonly hotSpots: HotSpotsService,
    private readonly watchList: WatchListService,
    private readonly monthlyIssues: MonthlyIssuesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REPORT_READER) private readonly reader: ReportReader,
  ) {}

  /** Every report as a file: append `.xlsx` or `.csv` to its path, with the same parameters. */
  @Get(':report.:format')
  async file(@Param('report') report: string, @Param('format') format: string, @Query() q: Record<string, unknown>, @CurrentUser() user: AuthUser, @Res() res: FastifyReply, @ClientGone() gone: AbortSignal) {
    if (format !== 'xlsx' && format !== 'csv') throw notFound('Report format', format);
    const table = await this.reader.read(gone, () => this.table(report, q, user));
    await writeTable(res, format as ExportFormat, table.name, table.columns, table.rows, { timeZone: this.config.timeZone, asciiName: `${report}` });
  }

  private async table(report: string, q: Record<string, unknown>, user: AuthUser): Promise<ReportTable> {
    switch (report) {
      case 'closure-times':
        return closureTable(await this.closures.report(q, user));
      case 'rates':
        return ratesTable(await this.reports.rates(q, user));
      case 'hotspots': {
        // Every spot, however many: a file has no page to stop at.
        const p = await this.reports.params(q, user);
        return hotspotsTable((await this.hotSpots.find(q, user, p, null)).spots, p.from, p.to);
      }
      case 'intake':
        return intakeTable(await this.daily.intake(q, user));
      case 'daily':
        return dailyTable(await this.daily.daily(q, user));
      case 'watch-list':
        return watchListTable(await this.watchList.find(q, user));
      case 'monthly-issues':
        return monthlyIssuesTable(await this.monthlyIssues.find(q, user));
      default:
        throw notFound('Report', report);
    }
  }

  @Get('closure-times')
  closureTimes(@Query() q: Record<string, unknown>, @CurrentUser() user: AuthUser, @ClientGone() gone: AbortSignal) {
    return this.reader.read(gone, () => this.closures.report(q, user));
  }

  @Get('rates')
  rates(@Query() q: Record<string, unknown>, @CurrentUser() user: AuthUser, @ClientGone() gone: AbortSignal) {
    return this.reader.read(gone, () => this.reports.rates(q, user));
  }

  @Get('trend')
  trend(@Query() q: Record<string, unknown>, @CurrentUser() user: AuthUser, @ClientGone() gone: AbortSignal) {
    return this.reader.read(gone, () => this.reports.trend(q, user));
  }

  /** The biggest `limit` spots; the number of all in `Content-Range` and `X-Total-Count`, as lists say theirs. */
  @Get('hotspots')
  async hotspots(@Query() q: Record<string, unknown>, @CurrentUser() user: AuthUser, @ClientGone() gone: AbortSignal, @Res({ passthrough: true }) res: FastifyReply) {
    const limit = HotSpotsService.limit(q.limit);
    const { spots, total } = await this.reader.read(gone, async () => this.hotSpots.find(q, user, await this.reports.params(q, user), limit));
    res.header('Content-Range', contentRange('hotspots', 0, spots.length, total));
    res.header('X-Total-Count', String(total));
    return spots;
  }

  @Get('intake')
  intake(@Query() q: Record<string, unknown>, @CurrentUser() user: AuthUser, @ClientGone() gone: AbortSignal) {
    return this.reader.read(gone, () => this.daily.intake(q, user));
  }

  @Get('daily')
  dailyReport(@Query() q: Record<string, unknown>, @CurrentUser() user: AuthUser, @ClientGone() gone: AbortSignal) {
    return this.reader.read(gone, () => this.daily.daily(q, user));
  }

  /** 关注名单 (未诉先办): repeats by phone or address, and compounds where a category recurs, over 30 days. */
  @Get('watch-list')
  watch(@Query() q: Record<string, unknown>, @CurrentUser() user: AuthUser, @ClientGone() gone: AbortSignal) {
    return this.reader.read(gone, () => this.watchList.find(q, user));
  }

  /** 每月一题: each community's most frequent request category of a month, with the five months before. */
  @Get('monthly-issues')
  monthly(@Query() q: Record<string, unknown>, @CurrentUser() user: AuthUser, @ClientGone() gone: AbortSignal) {
    return this.reader.read(gone, () => this.monthlyIssues.find(q, user));
  }
}
