import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRequire } from 'node:module';
import { parseTimestamptz } from './pg-timestamps.js';

const pg = createRequire(import.meta.url)('pg') as { types: { getTypeParser(oid: number): (s: string) => unknown } };
const general = pg.types.getTypeParser(1184);
const same = (s: string) => {
  const a = parseTimestamptz(s, general);
  const b = general(s);
  assert.equal(a instanceof Date ? a.getTime() : a, b instanceof Date ? b.getTime() : b, s);
};

test('reads timestamptz text as the driver does, in every shape the server sends', () => {
  for (const s of [
    '2026-12-01 16:00:00+00',
    '2026-12-01 16:00:00.1+00',
    '2026-12-01 16:00:00.123+00',
    '2026-12-01 16:00:00.123456+00',
    '2026-12-01 23:59:59.999999+08',
    '2026-12-02 00:30:00+05:30',
    '1970-01-01 00:00:00-03:30',
    '1895-06-01 12:00:00+01:23:45',
    '2024-02-29 12:00:00.5-11',
  ]) same(s);
});

test('hands what it does not know to the general parser', () => {
  for (const s of ['infinity', '-infinity', '0044-03-15 12:00:00+00 BC', '0099-01-01 00:00:00+00', '12026-01-01 00:00:00+00', '2026-12-01T16:00:00Z']) same(s);
});

test('agrees with the driver over two centuries of instants, offsets and fractions', () => {
  const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
  for (let i = 0; i < 5000; i++) {
    const d = new Date(Date.UTC(1900, 0, 1) + Math.floor(((i * 7919) % 5000) / 5000 * 200 * 365.25 * 86400_000) + i * 997);
    const off = ((i % 29) - 14) * 30;
    const local = new Date(d.getTime() + off * 60_000);
    const fraction = ['', '.5', '.12', '.123', '.123456', '.000001'][i % 6];
    const zone = `${off < 0 ? '-' : '+'}${pad(Math.trunc(off / 60))}${off % 60 ? `:${pad(off % 60)}` : ''}`;
    same(`${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${fraction}${zone}`);
  }
});
