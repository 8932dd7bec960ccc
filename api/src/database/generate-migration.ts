/**
 * Writes a migration for each database kind from the difference between the entities and the
 * schema the committed migrations build: `npm run build -w api && npm run migration:generate -w api -- AddThing`.
 * SQLite uses a scratch file; PostgreSQL a scratch database on PG_ADMIN_URL (default the local `test` database).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createDataSource } from './data-source.js';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: migration:generate <PascalCaseName>');
  process.exit(2);
}
const stamp = Number(process.env.MIGRATION_STAMP) || Date.now();
const srcDir = new URL('../../../src/database/migrations/', import.meta.url).pathname;

async function diff(kind: 'sqlite' | 'postgres') {
  let ds: DataSource;
  let cleanup = async () => {};
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'migr-'));
    ds = createDataSource({ databaseKind: 'sqlite', databaseUrl: '', sqlitePath: join(dir, 'x.sqlite') });
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const adminUrl = process.env.PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/test';
    const scratch = `migr_${stamp}`;
    const admin = createDataSource({ databaseKind: 'postgres', databaseUrl: adminUrl, sqlitePath: '' });
    await admin.initialize();
    await admin.query(`CREATE DATABASE ${scratch}`);
    const url = new URL(adminUrl);
    url.pathname = `/${scratch}`;
    ds = createDataSource({ databaseKind: 'postgres', databaseUrl: url.toString(), sqlitePath: '' });
    cleanup = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
      await admin.destroy();
    };
  }
  try {
    await ds.initialize();
    await ds.runMigrations();
    const sql = await ds.driver.createSchemaBuilder().log();
    await ds.destroy();
    return sql;
  } finally {
    await cleanup();
  }
}

const q = (s: string) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';

// Column types are fixed when the entities load, from DATABASE_URL: one child process per kind.
const only = process.env.MIGRATION_KIND as 'sqlite' | 'postgres' | undefined;
if (!only) {
  for (const [kind, url] of [['sqlite', 'sqlite:'], ['postgres', process.env.PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/test']]) {
    execFileSync(process.execPath, [process.argv[1], name], { stdio: 'inherit', env: { ...process.env, MIGRATION_KIND: kind, DATABASE_URL: url, MIGRATION_STAMP: String(stamp) } });
  }
  process.exit(0);
}

for (const kind of [only]) {
  const { upQueries, downQueries } = await diff(kind);
  if (upQueries.length === 0) {
    console.log(`${kind}: no changes`);
    continue;
  }
  const cls = `${name}${stamp}`;
  const file = `${stamp}-${name}`;
  const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${cls} implements MigrationInterface {
  name = '${cls}';

  async up(q: QueryRunner): Promise<void> {
${upQueries.map((x) => `    await q.query(${q(x.query)}${x.parameters?.length ? `, ${JSON.stringify(x.parameters)}` : ''});`).join('\n')}
  }

  async down(q: QueryRunner): Promise<void> {
${downQueries.reverse().map((x) => `    await q.query(${q(x.query)}${x.parameters?.length ? `, ${JSON.stringify(x.parameters)}` : ''});`).join('\n')}
  }
}
`;
  writeFileSync(join(srcDir, kind, `${file}.ts`), body);
  const indexPath = join(srcDir, kind, 'index.ts');
  let index = readFileSync(indexPath, 'utf8');
  index = index.replace(/^(import type .*\n)/m, `$1import { ${cls} } from './${file}.js';\n`);
  index = index.replace(/= \[(.*)\];\s*$/s, (_m, list: string) => `= [${[...list.split(',').map((s) => s.trim()).filter(Boolean), cls].join(', ')}];\n`);
  writeFileSync(indexPath, index);
  console.log(`${kind}: wrote ${file}.ts (${upQueries.length} statements)`);
}
