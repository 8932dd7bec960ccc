import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/auth.decorators.js';
import { fieldError } from '../common/errors.js';
import { verifyTimelines } from './timeline-verifier.js';

/** Cases one request walks at most: a million take a while, so the answer names where to go on (`nextCaseId`). */
const MAX_CASES = 100_000;

const caseIdParam = (field: string, raw: unknown): number | undefined => {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,9}$/.test(raw) || Number(raw) > 2_147_483_647) throw fieldError(field, 'wholeNumber');
  return Number(raw);
};

@ApiTags('timeline')
@ApiBearerAuth()
@Controller('timeline')
export class TimelineController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * The hash chains of the cases `fromCaseId`..`toCaseId` (all by default, 100,000 cases an answer), as
   * `npm run verify` walks them: `{ok, cases, events, problems, findings: [{caseId, number, eventId, kind,
   * count?}], nextCaseId}`, `kind` one of `edited`, `removed`, `inserted`, `anchor` (the chain's head is gone).
   */
  @Get('verify')
  @Roles('admin')
  async verify(@Query('fromCaseId') from: unknown, @Query('toCaseId') to: unknown) {
    const result = await verifyTimelines(this.ds.manager, { fromCaseId: caseIdParam('fromCaseId', from), toCaseId: caseIdParam('toCaseId', to), maxCases: MAX_CASES, maxFindings: 1000 });
    return { ok: result.problems === 0, ...result };
  }
}
