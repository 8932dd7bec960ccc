import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface RecordedQuery {
  query: string;
  parameters: unknown[];
}

/**
 * Keeps the statements the driver runs, with their parameters as bound (times already UTC text, booleans
 * 0/1), between `start()` and `stop()`. The bench records one request at a time, with nothing else running.
 */
@Injectable()
export class SqlRecorder implements OnModuleInit {
  private recorded: RecordedQuery[] | null = null;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  onModuleInit() {
    const logger = this.ds.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      this.recorded?.push({ query, parameters: Array.isArray(parameters) ? parameters : [] });
      return logQuery(query, parameters, runner);
    };
  }

  start() {
    this.recorded = [];
  }

  stop(): RecordedQuery[] {
    const out = this.recorded ?? [];
    this.recorded = null;
    return out;
  }
}
