import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { instantMs, localDate } from './time.js';

describe('instantMs', () => {
  it("reads SQLite's UTC text to the millisecond, with or without its fraction", () => {
    assert.equal(instantMs('2026-10-15 01:02:03.456'), Date.UTC(2026, 9, 15, 1, 2, 3, 456));
    assert.equal(instantMs('2026-10-15 01:02:03.4'), Date.UTC(2026, 9, 15, 1, 2, 3, 400));
    assert.equal(instantMs('2026-10-15 01:02:03.45'), Date.UTC(2026, 9, 15, 1, 2, 3, 450));
    assert.equal(instantMs('2026-02-28 23:59:59'), Date.UTC(2026, 1, 28, 23, 59, 59));
  });

  it('agrees with Date on every millisecond-precision time it is given, and takes Dates and texts with a zone', () => {
    for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2030, 0, 1); t += 7_777_777_777 / 97) {
      const ms = Math.round(t);
      assert.equal(instantMs(new Date(ms).toISOString().replace('T', ' ').replace('Z', '')), ms);
    }
    const d = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6));
    assert.equal(instantMs(d), d.getTime());
    assert.equal(instantMs('2026-01-02T11:04:05.006+08:00'), d.getTime());
    assert.equal(instantMs('2026-01-02 03:04:05.006Z'), d.getTime());
  });

  it('reads a text of another shape by its own zone, and answers NaN for what is no time', () => {
    assert.equal(instantMs('2026-01-02 03:04:05+08:00'), Date.UTC(2026, 0, 1, 19, 4, 5));
    assert.ok(Number.isNaN(instantMs('2026-01-02 03:04:0x')));
    assert.ok(Number.isNaN(instantMs('not a time')));
  });
});

describe('localDate', () => {
  // Zones whose clocks change at local midnight among them (Santiago, Havana, Cairo, Asunción): a wrong offset there is a wrong date.
  const zones = ['Asia/Shanghai', 'Asia/Urumqi', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Santiago', 'America/Havana', 'Africa/Cairo', 'America/Asuncion', 'UTC'];
  const luxon = (t: number, zone: string) => DateTime.fromMillis(t, { zone }).toISODate();

  it("is the zone's own date of the instant, as luxon says, across years of instants and around every offset change", () => {
    for (const zone of zones) {
      // Minutes apart over a year and a half, and in order, as intake asks: the kept offset is reused.
      for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2026, 6, 1); t += 37 * 60_000 + 13_000) assert.equal(localDate(new Date(t), zone), luxon(t, zone), `${zone} ${new Date(t).toISOString()}`);
      // Each side of every change of offset from 1975 to 2040 (found day by day, then to the minute).
      const offset = (t: number) => DateTime.fromMillis(t, { zone }).offset;
      for (let day = Date.UTC(1975, 0, 1); day < Date.UTC(2040, 0, 1); day += 86_400_000) {
        if (offset(day) === offset(day + 86_400_000)) continue;
        let lo = day;
        let hi = day + 86_400_000;
        while (hi - lo > 60_000) {
          const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
          if (offset(mid) === offset(lo)) lo = mid;
          else hi = mid;
        }
        for (const t of [hi - 3_600_000, hi - 1, hi, hi + 1, hi + 3_600_000]) assert.equal(localDate(new Date(t), zone), luxon(t, zone), `${zone} ${new Date(t).toISOString()}`);
      }
    }
  });

  it('answers for the instant asked even when instants of several zones and times come mixed', () => {
    const t = Date.UTC(2026, 10, 23, 16, 30); // 00:30 on the 24th in Shanghai, the 23rd in New York
    assert.equal(localDate(new Date(t), 'Asia/Shanghai'), '2026-11-24');
    assert.equal(localDate(new Date(t), 'America/New_York'), '2026-11-23');
    assert.equal(localDate(new Date(t - 3_600_000), 'Asia/Shanghai'), '2026-11-23');
    assert.equal(localDate(new Date(t), 'Asia/Shanghai'), '2026-11-24');
  });
});
