import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import { CrudController } from '../common/crud.controller.js';
import { CreateVisitDto } from './visit.dto.js';
import { VisitsService } from './visits.service.js';

/** Registered before `visits/:id`: the households due for a visit in the user's scope. */
@ApiTags('visits')
@ApiBearerAuth()
@Controller('visits')
export class VisitsDueController {
  constructor(private readonly visits: VisitsService) {}

  @Get('due')
  due(@CurrentUser() user: AuthUser) {
    return this.visits.due(user);
  }
}

/** Visits are never changed: an update is refused by the service (403), whatever it sends. */
class NoChange {}

@ApiTags('visits')
@ApiBearerAuth()
@Controller('visits')
export class VisitsController extends CrudController({ resource: 'visits', createDto: CreateVisitDto, updateDto: NoChange, read: ['supervisor', 'dispatcher', 'grid_worker'], write: ['supervisor', 'dispatcher', 'grid_worker'], deletable: false }) {
  constructor(readonly service: VisitsService) {
    super();
  }
}
