import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { createApp } from '../../src/app.factory.js';
import { loadConfig, type AppConfig } from '../../src/config/config.js';

export const ADMIN_PASSWORD = 'admin-pass-123';
/** The signing key test servers share (JWT_SECRET), unless the environment gives one. */
export const TEST_JWT_SECRET = 'e2e-signing-key-not-for-production-0123456789';

export interface TestApp {
  app: INestApplication;
  /** Starts another instance of the API on the same database (as a second server would be). */
  another(): Promise<INestApplication>;
  config: AppConfig;
  http: ReturnType<typeof request>;
  /** A bearer token for a username and password. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A database of its own for one test: a temporary SQLite file, or, when DATABASE_URL points at PostgreSQL,
 * a scratch database created beside it; `drop` removes it.
 */
export async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL ?? '';
  if (base.startsWith('postgres')) {
    const name = `e2e_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = await new DataSource({ type: 'postgres', url: base }).initialize();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.destroy();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: async () => {
        const c = await new DataSource({ type: 'postgres', url: base }).initialize();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.destroy();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'tracker-e2e-'));
  return { url: `sqlite:${join(dir, 'e2e.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The real application on a fresh database: a temporary SQLite file, or, when DATABASE_URL points at
 * PostgreSQL, a scratch database created beside it and dropped afterwards. Migrations run as in production.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const { url: databaseUrl, drop } = await scratchDatabase();
  // A signing key of the test's own (PostgreSQL refuses to serve without one); `another()` shares it, as instances do.
  const config = loadConfig({ JWT_SECRET: TEST_JWT_SECRET, ...process.env, DATABASE_URL: databaseUrl, SEED: 'none', ADMIN_PASSWORD, PORT: '0', NODE_ENV: 'test', OVERDUE_SCAN_SECONDS: '0', ...env });
  const app = await createApp(config, { logger: ['error'] });
  await app.init();
  const http = request(app.getHttpServer());
  const others: INestApplication[] = [];
  return {
    app,
    config,
    async another() {
      const other = await createApp(config, { logger: ['error'] });
      await other.init();
      others.push(other);
      return other;
    },
    http,
    async login(username, password = ADMIN_PASSWORD) {
      const res = await http.post('/api/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token as string;
    },
    async close() {
      for (const o of others) await o.close();
      await app.close();
      await drop();
    },
  };
}

export const filter = (f: unknown) => encodeURIComponent(JSON.stringify(f));
