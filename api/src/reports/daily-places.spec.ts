import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultDailyDate, placeName, type PlaceUnit } from './daily-places.js';

const units: PlaceUnit[] = [
  { id: 1, name: '火车站街道', level: 'subdistrict', path: '/1/' },
  { id: 2, name: '黄河路社区', level: 'community', path: '/1/2/' },
  { id: 3, name: '2号网格', level: 'grid', path: '/1/2/3/' },
  { id: 4, name: '站前片区', level: 'zone', path: '/1/4/' },
  { id: 5, name: '9号网格', level: 'grid', path: '/1/4/5/' },
];
const byId = new Map(units.map((u) => [u.id, u]));

describe('the daily report names places', () => {
  it('puts the community in front of a grid unit', () => {
    assert.equal(placeName(byId.get(3)!, byId), '黄河路社区 2号网格');
  });

  it('leaves a community, and a unit with no community above it, as they are', () => {
    assert.equal(placeName(byId.get(2)!, byId), '黄河路社区');
    assert.equal(placeName(byId.get(5)!, byId), '9号网格');
  });
});

describe('the day the daily report opens on', () => {
  const zone = 'Asia/Shanghai';
  it('is yesterday until the hour the day is complete enough, today from then on', () => {
    // 17:59 and 18:00 in Shanghai on 15 October.
    assert.equal(defaultDailyDate(new Date('2026-10-15T09:59:00Z'), zone, 18), '2026-10-14');
    assert.equal(defaultDailyDate(new Date('2026-10-15T10:00:00Z'), zone, 18), '2026-10-15');
  });

  it('counts the hour in the deployment zone, not UTC (01:00 in Shanghai is still the evening before in UTC)', () => {
    assert.equal(defaultDailyDate(new Date('2026-10-14T17:00:00Z'), zone, 18), '2026-10-14');
  });

  it('with hour 0 always opens on today', () => {
    assert.equal(defaultDailyDate(new Date('2026-10-14T16:30:00Z'), zone, 0), '2026-10-15');
  });
});
