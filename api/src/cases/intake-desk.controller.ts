import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { createValidationPipe } from '../common/validation.js';
import { WorkflowService } from '../workflow/workflow.service.js';
import { IntakeAnswerDto, IntakeMergeDto } from './dto/create-case.dto.js';
import { IntakeDeskService } from './intake-desk.service.js';

/**
 * The intake desk's questions while a call is taken (routes under /cases that are not an id, registered
 * before the resource's `:id` routes).
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class IntakeDeskController {
  constructor(
    private readonly desk: IntakeDeskService,
    private readonly workflow: WorkflowService,
  ) {}

  /**
   * Residents and past cases by the caller's number, as typed (3 digits or more). Only the roles that
   * call residents back and see their full number on a resident's page: to anyone else the search would
   * reveal a masked number digit by digit.
   */
  @Get('by-phone')
  @Roles('dispatcher', 'grid_worker')
  byPhone(@Query('phone') phone: unknown, @CurrentUser() user: AuthUser) {
    return this.desk.byPhone(phone, user);
  }

  /** Possible duplicates of the request being logged: `?categoryId=&gridUnitId=&title=&address=`. */
  @Get('duplicates')
  @Roles('dispatcher', 'grid_worker', 'supervisor')
  duplicates(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser) {
    return this.desk.duplicates(query, user);
  }

  /** The units to dispatch a case of `categoryId` to, the category's own first, then by cases taken lately. */
  @Get('dispatch-units')
  @Roles('dispatcher', 'grid_worker', 'supervisor')
  dispatchUnits(@Query('categoryId') categoryId: unknown) {
    return this.desk.dispatchUnits(categoryId);
  }

  /** Logs a request and merges it into `mergeIntoCaseId` in one transaction; 201 with the merged case. */
  @Post('merge-intake')
  @Roles('dispatcher', 'grid_worker')
  mergeIntake(@Body(createValidationPipe(IntakeMergeDto)) dto: IntakeMergeDto, @CurrentUser() user: AuthUser) {
    const { mergeIntoCaseId, ...request } = dto;
    return this.workflow.intakeAndMerge(request, mergeIntoCaseId, user);
  }

  /** Logs a consultation and closes it on the spot with a knowledge-base article (its result names it); 201 with the case. */
  @Post('answer-intake')
  @Roles('dispatcher', 'grid_worker')
  answerIntake(@Body(createValidationPipe(IntakeAnswerDto)) dto: IntakeAnswerDto, @CurrentUser() user: AuthUser) {
    const { articleId, ...request } = dto;
    return this.workflow.intakeAndAnswer(request, articleId, user);
  }
}
