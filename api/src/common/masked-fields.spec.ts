import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from './errors.js';
import { parseListQuery, type ListSpec } from './list-query.js';
import { maskedFields } from './masked-fields.js';

const spec: ListSpec = {
  alias: 'r',
  defaultSort: ['id', 'DESC'],
  fields: { id: { type: 'int' }, name: { type: 'string' }, phone: { type: 'string' } },
  custom: { callerPhone: () => {} },
};
const refusedKey = (filter: unknown, sort?: unknown, masked = maskedFields(['phone', 'callerPhone'], ['callerPhone'])) => {
  try {
    parseListQuery({ filter: JSON.stringify(filter), sort: sort === undefined ? undefined : JSON.stringify(sort) }, spec, 'Asia/Shanghai', masked);
  } catch (e) {
    assert.ok(e instanceof AppError);
    return Object.keys(e.errors ?? {})[0];
  }
  return null;
};

describe('masked fields in the list query', () => {
  it('refuses every operator, equality, IN and sorting on a masked field, naming the key', () => {
    for (const key of ['phone', 'phone_gte', 'phone_lte', 'phone_gt', 'phone_lt', 'phone_neq']) assert.equal(refusedKey({ [key]: '139' }), `filter.${key}`);
    assert.equal(refusedKey({ phone: ['13900001111', '13900001112'] }), 'filter.phone');
    assert.equal(refusedKey({}, ['phone', 'ASC']), 'sort');
  });

  it('lets through the whole-value lookup it allows, and nothing else on that field', () => {
    assert.equal(refusedKey({ callerPhone: '13900001111' }), null);
    assert.equal(refusedKey({ callerPhone: ['13900001111'] }), 'filter.callerPhone');
    assert.equal(refusedKey({ callerPhone_gte: '139' }), 'filter.callerPhone_gte');
  });

  it('leaves fields the caller sees whole alone', () => {
    assert.equal(refusedKey({ name: '王', id_gte: 3 }, ['name', 'ASC']), null);
    assert.equal(refusedKey({ phone_gte: '139' }, ['phone', 'ASC'], maskedFields([])), null);
  });
});
