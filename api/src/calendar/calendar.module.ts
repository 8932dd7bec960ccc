import { Global, Module } from '@nestjs/common';
import { CalendarDaysController, CalendarStatusController } from './calendar.controller.js';
import { CalendarDaysService } from './calendar-days.service.js';
import { CalendarService } from './calendar.service.js';

@Global()
@Module({ controllers: [CalendarDaysController, CalendarStatusController], providers: [CalendarService, CalendarDaysService], exports: [CalendarService] })
export class CalendarModule {}
