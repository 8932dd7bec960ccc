// The machine's ceiling for intake: node:http, JSON.parse, and the same case row plus its `create` event
// inserted with better-sqlite3 prepared statements in one transaction (the day's counter bumped as intake
// does). No framework, no validation, no due-time calendar. Started by bench/server.mjs; the HTTP shell
// and the row are bare-intake.mjs's, shared with bare-server-pg.mjs.
// The WAL is checkpointed off the event loop, as the API does (api/src/database/wal-checkpointer.ts): with
// SQLite's inline auto-checkpoint a commit now and then stalls the loop for an fsync, and the ceiling would
// pay a cost the API does not.
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { caseRow, dayOf, serveIntake } from './bare-intake.mjs';

const db = new Database(process.env.BENCH_DB);
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 10000');
db.pragma('synchronous = NORMAL');
db.pragma('wal_autocheckpoint = 0');
const checkpointer = new Worker(
  `const Database = require(${JSON.stringify(new URL('../node_modules/better-sqlite3', import.meta.url).pathname)});
   const db = new Database(${JSON.stringify(process.env.BENCH_DB)}, { fileMustExist: true });
   db.pragma('busy_timeout = 0');
   db.pragma('wal_autocheckpoint = 0');
   setInterval(() => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} }, 100);`,
  { eval: true },
);
checkpointer.unref();

const unitOf = db.prepare('SELECT id, path FROM grid_units WHERE id = ?');
const bump = db.prepare('INSERT INTO case_counters (day, last) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last');
const insertCase = db.prepare(`INSERT INTO cases (number, title, description, type, channel_id, category_id, grid_unit_id, unit_path,
  community_id, grid_id, priority, reporter_name, reporter_phone, address, resident_tags, key_population, received_at, status,
  response_due_at, resolve_due_at, created_by_id, version, created_at, updated_at)
  VALUES (@number, @title, @description, @type, @channelId, @categoryId, @gridUnitId, @unitPath, @communityId, @gridId, @priority,
  @reporterName, @reporterPhone, @address, '[]', 0, @receivedAt, 'received', @responseDueAt, @resolveDueAt, 1, 1, @receivedAt, @receivedAt)`);
const insertEvent = db.prepare(`INSERT INTO case_events (case_id, action, from_status, to_status, actor_id, note, data, created_at)
  VALUES (?, 'create', NULL, 'received', 1, NULL, ?, ?)`);

const sqlTime = (d) => d.toISOString().replace('T', ' ').replace('Z', '');

const intake = db.transaction((body) => {
  const unit = unitOf.get(body.gridUnitId);
  const at = new Date();
  const day = dayOf(at);
  const { last } = bump.get(day);
  const number = `${day}-${String(last).padStart(4, '0')}`;
  const row = { number, ...caseRow(body, unit.path, at, sqlTime) };
  const id = Number(insertCase.run(row).lastInsertRowid);
  insertEvent.run(id, JSON.stringify({ number, channelId: row.channelId, categoryId: row.categoryId, priority: row.priority }), row.receivedAt);
  return { id, ...row, status: 'received', version: 1 };
});

serveIntake(intake);
