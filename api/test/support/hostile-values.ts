import fc from 'fast-check';

/**
 * The hostile values of the fuzz suite (hostile.ts builds requests from them): prototype names as keys, the
 * wrong JSON type where a scalar belongs, ids written every way but the canonical one, deep and huge bodies.
 */
export const PROTOTYPE_NAMES = [
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf',
  'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
];

/** Every field name the API's bodies, filters and sorts know, across resources (each resource refuses the others'). */
export const FIELD_NAMES = [
  'id', 'name', 'code', 'level', 'parentId', 'group', 'kind', 'phone', 'username', 'password', 'role', 'scopeUnitId',
  'departmentId', 'active', 'disabled', 'title', 'description', 'type', 'channelId', 'categoryId', 'gridUnitId', 'priority',
  'residentId', 'reporterName', 'reporterPhone', 'address', 'lat', 'lng', 'receivedAt', 'status', 'assigneeId', 'unitId',
  'overdue', 'mine', 'keyPopulation', 'channelGroup', 'version', 'note', 'result', 'reason', 'days', 'level', 'intoCaseId',
  'resolved', 'satisfaction', 'tags', 'date', 'workday', 'caseId', 'action', 'createdAt', 'closedAt', 'resolveDueAt',
  'responseDueAt', 'number', 'signForHours', 'responseHours', 'resolveLimit', 'resolveUnit', 'leaderName', 'leaderPhone',
  'path', 'fileName', 'size', 'mime', 'actorId', 'createdById', 'mergeIntoCaseId', 'defaultChannelId', 'q', 'sort',
];

const SUFFIXES = ['', '', '_gte', '_lte', '_gt', '_lt', '_neq', '_in', '_like'];

/** An id as it reaches a route: mostly not the canonical way of writing one. */
export const hostileId = fc.oneof(
  fc.constantFrom('+1', '%201', '0x10', '0o7', '0b11', '1e2', '1%20', '-1', '0', '01', '1.0', '1.5', '99999999999999999999', '9007199254740993',
    'abc', '__proto__', 'toString', 'constructor', '1;DROP%20TABLE%20cases', '%00', '1%00', 'NaN', 'Infinity', '%E4%B8%AD', '..%2F..%2Fetc'),
  fc.integer({ min: 1, max: 60 }).map(String),
  fc.string({ maxLength: 6 }).map(encodeURIComponent),
);

export const key = fc.oneof(
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.tuple(fc.constantFrom(...FIELD_NAMES, ...PROTOTYPE_NAMES), fc.constantFrom(...SUFFIXES)).map(([f, s]) => f + s),
  fc.string({ maxLength: 12 }),
);

export const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.integer({ min: 1, max: 80 }),
  fc.double({ noNaN: true }),
  fc.constantFrom('+1', '0x10', '1e2', ' 1', '', ' ', '2026-13-45', '2026-11-31', '2026-11-01', '2026-11-01T08:00:00+08:00', 'true', 'null',
    '13812345678', '138', '黄河路', '电梯', 'received', 'dispatched', 'closed', 'ASC', 'DESC', 'admin', 'x'.repeat(5000), '\u202Eexe.pdf', '\u0000'),
  fc.string({ maxLength: 20 }),
  fc.constantFrom(...PROTOTYPE_NAMES),
);

/** JSON values with hostile keys, a few levels deep. */
export const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(key, tie('v'), { maxKeys: 3 })),
})).v;

/** A JSON text built by hand: JSON.stringify would drop a `__proto__` own key. */
function jsonWithProto(inner: unknown) {
  return `{"__proto__":${JSON.stringify(inner)},"constructor":{"prototype":{"polluted":1}},"name":"x"}`;
}

const deepJson = fc.tuple(fc.integer({ min: 20, max: 5000 }), fc.constantFrom('[', '{"a":')).map(([depth, open]) => {
  const close = open === '[' ? ']' : '}';
  return `{"username":${open.repeat(depth)}1${close.repeat(depth)},"password":"x"}`;
});

/** A JSON text for a body: the value given (mostly a valid body with a hostile change), or broken JSON. */
export const jsonText = (base: fc.Arbitrary<unknown>) => fc.oneof(
  { weight: 12, arbitrary: base.map((b) => JSON.stringify(b) ?? 'null') },
  { weight: 1, arbitrary: value.map((v) => JSON.stringify(v) ?? 'null') },
  { weight: 1, arbitrary: deepJson },
  { weight: 1, arbitrary: value.map(jsonWithProto) },
  { weight: 1, arbitrary: fc.constantFrom('{"name": ', '', 'null', '[]', '"x"', '1e400', '{"version":1e400}', '{"a":1,"a":2}', '\uFEFF{}', '{"name":"\uD800"}') },
);

/**
 * A valid record with one to three hostile changes: a field set to the wrong type, `null`, an array, an object or
 * a prototype name; a field removed; a hostile key added. A request wrong in many ways at once is refused at its
 * first fault and reaches nothing deeper, so most requests here are wrong in one way only.
 */
export function mutated(template: Record<string, unknown>) {
  const fields = Object.keys(template);
  const target = fields.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fields) }, { weight: 1, arbitrary: key }) : key;
  const change = fc.tuple(target, fc.oneof({ weight: 6, arbitrary: value }, { weight: 1, arbitrary: fc.constant(undefined) }));
  return fc.array(change, { minLength: 0, maxLength: 3 }).map((changes) => {
    const out: Record<string, unknown> = { ...template };
    for (const [k, v] of changes) {
      if (v === undefined) delete out[k];
      else Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return out;
  });
}

/** What no answer may contain: a stack frame, a file of ours, the database's or the runtime's own words. */
export const INTERNALS = /\bat [\w.<>]+ \(|node_modules|\/src\/|\.[jt]s:\d+|QueryFailedError|SQLITE_|SqliteError|TypeError|ReferenceError|RangeError|Cannot read propert|is not a function|Maximum call stack|syntax error at|relation "|violates|SELECT .* FROM|INSERT INTO|UPDATE "|typeorm/i;
