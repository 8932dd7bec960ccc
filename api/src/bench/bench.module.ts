import { DynamicModule, Module } from '@nestjs/common';
import { BenchController } from './bench.controller.js';
import { SqlRecorder } from './sql-recorder.js';

/**
 * Routes for `npm run bench` only (BENCH_ROUTES=1): the framework's ceiling (a no-op route through the
 * same guard and validation as intake) and a recorder of the SQL a request runs, which the bench replays
 * straight on better-sqlite3 as the database's share. Never mounted otherwise.
 */
@Module({})
export class BenchModule {
  static ifEnabled(env: NodeJS.ProcessEnv = process.env): DynamicModule[] {
    if (env.BENCH_ROUTES !== '1') return [];
    return [{ module: BenchModule, controllers: [BenchController], providers: [SqlRecorder] }];
  }
}
