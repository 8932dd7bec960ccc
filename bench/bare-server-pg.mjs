// The machine's ceiling for intake on PostgreSQL: node:http, JSON.parse, and the same case row plus its
// `create` event inserted with pg (10 connections, as the API's pool) in one prepared statement. No
// framework, no validation, no due-time calendar, and no row that every insert locks: the serial comes from
// the id's sequence (the day's counter row would hold every insert to one commit at a time, an fsync each,
// and make a ceiling of a queue). The counterpart of bare-server.mjs (the HTTP shell and the row are
// bare-intake.mjs's); started by bench/server.mjs.
import pg from 'pg';
import { caseRow, dayOf, serveIntake } from './bare-intake.mjs';

const pool = new pg.Pool({ connectionString: process.env.BENCH_DB_URL, max: 10 });

const units = new Map((await pool.query('SELECT id, path FROM grid_units')).rows.map((u) => [u.id, u.path]));

const INTAKE = {
  name: 'bare_intake',
  text: `WITH n AS (SELECT nextval('cases_id_seq') AS last),
c AS (INSERT INTO cases (number, title, description, type, channel_id, category_id, grid_unit_id, unit_path, community_id, grid_id, priority,
    reporter_name, reporter_phone, address, resident_tags, key_population, received_at, status, response_due_at, resolve_due_at, created_by_id, version, created_at, updated_at, id)
  SELECT $1 || '-B' || n.last, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, '[]', false, $15, 'received', $16, $17, 1, 1, $15, $15, n.last FROM n
  RETURNING id, number)
INSERT INTO case_events (case_id, action, from_status, to_status, actor_id, note, data, created_at)
  SELECT c.id, 'create', NULL, 'received', 1, NULL, json_build_object('number', c.number, 'channelId', $5::int, 'categoryId', $6::int, 'priority', $11::text)::text, $15 FROM c
RETURNING case_id, (SELECT number FROM c) AS number`,
};

async function intake(body) {
  const row = caseRow(body, units.get(body.gridUnitId), new Date(), (t) => t);
  const values = [dayOf(row.receivedAt), ...Object.values(row)];
  const { rows } = await pool.query({ ...INTAKE, values });
  return { id: rows[0].case_id, number: rows[0].number, ...row, status: 'received', version: 1 };
}

serveIntake(intake);
