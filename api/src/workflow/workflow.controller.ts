import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import { IdPipe } from '../common/crud.controller.js';
import type { ActionInput } from './effects.js';
import { ClockLedgerService } from './clock-ledger.service.js';
import { WorkflowService } from './workflow.service.js';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('cases')
export class WorkflowController {
  constructor(
    private readonly workflow: WorkflowService,
    private readonly clocks: ClockLedgerService,
  ) {}

  /** The clock ledger: per clock, its limit, the intervals counted, paused, extended and spent in return, and its due time. */
  @Get(':id/clocks')
  ledger(@Param('id', IdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.clocks.ledger(id, user);
  }

  @Get(':id/actions')
  actions(@Param('id', IdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.workflow.actions(id, user);
  }

  @Post(':id/actions/:action')
  @HttpCode(200)
  perform(@Param('id', IdPipe) id: number, @Param('action') action: string, @Body() body: ActionInput & { version?: unknown }, @CurrentUser() user: AuthUser) {
    return this.workflow.perform(id, action, body ?? {}, user);
  }
}
