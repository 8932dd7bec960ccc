import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CrudController } from '../common/crud.controller.js';
import { CalendarDaysService } from './calendar-days.service.js';
import { CalendarService } from './calendar.service.js';
import { CreateCalendarDayDto, UpdateCalendarDayDto } from './dto/calendar-day.dto.js';

@ApiTags('calendar-days')
@ApiBearerAuth()
@Controller('calendar-days')
export class CalendarDaysController extends CrudController({ resource: 'calendar-days', createDto: CreateCalendarDayDto, updateDto: UpdateCalendarDayDto, write: ['admin', 'supervisor'] }) {
  constructor(readonly service: CalendarDaysService) {
    super();
  }
}

@ApiTags('calendar-days')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarStatusController {
  constructor(private readonly calendars: CalendarService) {}

  /** Which years the official calendar covers, and whether the console should warn about next year. */
  @Get('status')
  status() {
    return this.calendars.status();
  }

  /** Every day of a year: the official verdict (holiday, make-up day) and the local correction over it. */
  @Get('years/:year')
  year(@Param('year') year: string) {
    return this.calendars.year(year);
  }
}
