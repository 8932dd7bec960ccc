import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { CreateCaseDto } from '../cases/dto/create-case.dto.js';
import { createValidationPipe } from '../common/validation.js';
import { SqlRecorder } from './sql-recorder.js';

@ApiExcludeController()
@Controller('bench')
export class BenchController {
  constructor(private readonly recorder: SqlRecorder) {}

  /** Intake's stack without intake: token, roles, body parsing and the same DTO validation; no database. */
  @Post('noop')
  @Roles('dispatcher', 'grid_worker')
  noop(@Body(createValidationPipe(CreateCaseDto)) _dto: CreateCaseDto) {
    return { ok: true };
  }

  @Post('sql/start')
  @HttpCode(204)
  @Roles()
  startRecording() {
    this.recorder.start();
  }

  /** What ran since `sql/start`, and recording stops. Admin only (the guard lets admin through `@Roles()`). */
  @Post('sql/stop')
  @HttpCode(200)
  @Roles()
  stopRecording() {
    return this.recorder.stop();
  }
}
