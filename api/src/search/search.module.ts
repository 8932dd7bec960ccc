import { Global, Inject, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { KEYWORD_INDEX, type KeywordIndex } from './keyword-index.js';
import { PostgresKeywordIndex } from './postgres-keyword-index.js';
import { SqliteKeywordIndex } from './sqlite-keyword-index.js';

/** The keyword index of cases, its engine chosen here once (keyword-index.ts). */
@Global()
@Module({
  providers: [
    {
      provide: KEYWORD_INDEX,
      inject: [APP_CONFIG, getDataSourceToken()],
      useFactory: (config: AppConfig, ds: DataSource): KeywordIndex => (config.databaseKind === 'postgres' ? new PostgresKeywordIndex(ds) : new SqliteKeywordIndex(ds)),
    },
  ],
  exports: [KEYWORD_INDEX],
})
export class SearchModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(KEYWORD_INDEX) private readonly index: KeywordIndex) {}

  /** Entries a stopped process (or a migration) left queued are written before the first request. */
  async onApplicationBootstrap() {
    await this.index.flush();
  }

  /** Before the connection closes (modules are destroyed before the application shuts down). */
  async onModuleDestroy() {
    await this.index.close();
  }
}
