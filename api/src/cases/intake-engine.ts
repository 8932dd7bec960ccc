/**
 * Intake's writes, one implementation per engine, chosen once when the module is built: the services
 * above never ask which engine they run on. Both run the same recipe (intake.ts).
 */
import type { FactoryProvider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { KEYWORD_INDEX, type KeywordIndex } from '../search/keyword-index.js';
import type { Case } from './case.entity.js';
import { intakeWithTypeorm, type IntakeRequest } from './intake.js';
import { IntakeReference } from './intake-reference.js';
import { PostgresIntake } from './intake-postgres.js';
import { SqliteIntake } from './intake-sqlite.js';

export interface IntakeEngine {
  /** Logs a case on its own (POST /api/cases): written and committed when the promise resolves. */
  submit(req: IntakeRequest): Promise<Case>;
  /** Logs a case inside the caller's transaction (a request merged into another as it is logged). */
  inTransaction(m: EntityManager, req: IntakeRequest): Promise<Case>;
  /** At shutdown, while the connection is still open. */
  close(): void;
}

export const INTAKE_ENGINE = Symbol('IntakeEngine');

export const intakeEngineProvider: FactoryProvider<IntakeEngine> = {
  provide: INTAKE_ENGINE,
  inject: [APP_CONFIG, getDataSourceToken(), KEYWORD_INDEX],
  useFactory: (config: AppConfig, ds: DataSource, keywords: KeywordIndex): IntakeEngine => {
    // Channels, categories, grid units and the calendar as intake reads them, kept in step by counters.
    const reference = new IntakeReference();
    if (config.databaseKind === 'postgres') return new PostgresIntake(ds, reference);
    const viaTypeorm = (m: EntityManager, req: IntakeRequest) => intakeWithTypeorm(m, reference, req);
    return new SqliteIntake(ds, reference, keywords, (req) => ds.transaction((m) => viaTypeorm(m, req)), viaTypeorm);
  },
};
