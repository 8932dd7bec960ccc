import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import { CrudController, IdPipe } from '../common/crud.controller.js';
import { CaseEventsService, VISIBILITY_ROLES } from './case-events.service.js';
import { CasesService } from './cases.service.js';
import { CreateCaseDto, UpdateCaseDto } from './dto/create-case.dto.js';

/** Routes under /cases that are not an id; registered before the resource's `:id` routes. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseViewsController {
  constructor(private readonly service: CasesService) {}

  /** 我的待办: `[{key, filter, count}]` for the signed-in user's role. */
  @Get('todo')
  todo(@CurrentUser() user: AuthUser) {
    return this.service.todo(user);
  }
}

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController extends CrudController({
  resource: 'cases',
  createDto: CreateCaseDto,
  updateDto: UpdateCaseDto,
  write: ['admin', 'dispatcher', 'grid_worker'],
  deletable: false,
}) {
  constructor(readonly service: CasesService) {
    super();
  }
}

class NoWrite {}

@ApiTags('cases')
@ApiBearerAuth()
@Controller('case-events')
export class CaseEventsController extends CrudController({ resource: 'case-events', createDto: NoWrite, updateDto: NoWrite, write: VISIBILITY_ROLES, deletable: false }) {
  constructor(readonly service: CaseEventsService) {
    super();
  }

  /** Marks an entry public or internal for the residents' page: `{visibility: "public" | "internal"}`. */
  @Put(':id/visibility')
  setVisibility(@Param('id', IdPipe) id: number, @Body() body: { visibility?: unknown } | undefined, @CurrentUser() user: AuthUser) {
    return this.service.setVisibility(id, body?.visibility, user);
  }
}
