import { Module } from '@nestjs/common';
import { TimelineController } from './timeline.controller.js';

/** The timeline's integrity: its hash chains and their check (the events themselves belong to cases). */
@Module({ controllers: [TimelineController] })
export class TimelineModule {}
