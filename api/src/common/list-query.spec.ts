import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from './errors.js';
import { contentRange, parseListQuery, type ListSpec } from './list-query.js';

const spec: ListSpec = {
  alias: 'x',
  defaultSort: ['id', 'DESC'],
  fields: {
    id: { type: 'int' },
    status: { type: 'string', values: ['open', 'closed'] },
    active: { type: 'boolean' },
    at: { type: 'instant' },
    secret: { type: 'string', sortable: false, filterable: false },
  },
  custom: { special: () => {} },
};
const TZ = 'Asia/Shanghai';
const parse = (raw: Record<string, unknown>) => parseListQuery(raw, spec, TZ);
const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof AppError);
    return Object.keys(e.errors ?? {})[0];
  }
  assert.fail('expected a validation error');
};

describe('list query parsing', () => {
  it('defaults: default sort, first 25', () => {
    const q = parse({});
    assert.deepEqual(q.sort, ['id', 'DESC']);
    assert.equal(q.offset, 0);
    assert.equal(q.limit, 25);
  });

  it('reads sort, range and filter with operators, IN lists and keyword', () => {
    const q = parse({ sort: '["status","asc"]', range: '[50,74]', filter: JSON.stringify({ status: ['open'], id_gte: '3', active: 'true', q: '  电梯 ', special: 1 }) });
    assert.deepEqual(q.sort, ['status', 'ASC']);
    assert.equal(q.offset, 50);
    assert.equal(q.limit, 25);
    assert.deepEqual(q.conditions, [
      { field: 'status', op: 'in', value: ['open'] },
      { field: 'id', op: 'gte', value: 3 },
      { field: 'active', op: 'eq', value: true },
    ]);
    assert.equal(q.q, '电梯');
    assert.deepEqual(q.custom, [['special', 1]]);
  });

  it('a bare date means the whole day in the time zone', () => {
    const q = parse({ filter: JSON.stringify({ at_gte: '2026-10-15', at_lte: '2026-10-15' }) });
    assert.equal((q.conditions[0].value as Date).toISOString(), '2026-10-14T16:00:00.000Z');
    assert.equal((q.conditions[1].value as Date).toISOString(), '2026-10-15T16:00:00.000Z', 'lte a date: before the next day starts');
  });

  it('names the offending parameter', () => {
    assert.equal(fieldOf(() => parse({ sort: '["secret","ASC"]' })), 'sort');
    assert.equal(fieldOf(() => parse({ sort: '["id","UP"]' })), 'sort');
    assert.equal(fieldOf(() => parse({ sort: '{' })), 'sort');
    assert.equal(fieldOf(() => parse({ range: '[5,1]' })), 'range');
    assert.equal(fieldOf(() => parse({ range: '[0,5000]' })), 'range');
    assert.equal(fieldOf(() => parse({ filter: '[1]' })), 'filter');
    assert.equal(fieldOf(() => parse({ filter: '{"secret":"x"}' })), 'filter.secret');
    assert.equal(fieldOf(() => parse({ filter: '{"status":"lost"}' })), 'filter.status');
    assert.equal(fieldOf(() => parse({ filter: '{"id":"1.5"}' })), 'filter.id');
    assert.equal(fieldOf(() => parse({ filter: '{"active":"yes"}' })), 'filter.active');
    assert.equal(fieldOf(() => parse({ filter: '{"at_lt":"2026-10-15T10:00:00"}' })), 'filter.at_lt');
    assert.equal(fieldOf(() => parse({ filter: '{"id_gte":[1,2]}' })), 'filter.id_gte');
  });

  it('formats Content-Range as react-admin reads it', () => {
    assert.equal(contentRange('cases', 0, 25, 319), 'cases 0-24/319');
    assert.equal(contentRange('cases', 0, 0, 0), 'cases 0-0/0');
  });
});
