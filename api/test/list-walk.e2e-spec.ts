import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { CasesService } from '../src/cases/cases.service.js';
import { parseListQuery } from '../src/common/list-query.js';
import { subtreeUpperBound } from '../src/common/tree.js';
import { generateCases } from '../src/seed/case-generator.js';
import { UserDirectory } from '../src/users/user-directory.service.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const COLUMNS: Record<string, string> = { number: 'number', title: 'title', categoryId: 'category_id', departmentId: 'department_id', resolveDueAt: 'resolve_due_at', receivedAt: 'received_at' };

/**
 * A large scope's case list sorted by a column with an index of its own walks that index (cases.service.ts
 * `walksSortIndex`) instead of reading its subtree's range: every page must be the one the plain query gives,
 * in the order list-query promises (the column, the time of receipt, id; nulls as the database sorts them).
 */
describe('case lists of a large scope, walked along the sort index: the same pages', () => {
  let t: TestApp;
  let ds: DataSource;

  before(async () => {
    t = await startTestApp({ SEED: 'demo' });
    ds = t.app.get(DataSource);
    await generateCases(ds, { count: 4000, days: 60, timeZone: t.config.timeZone, seed: 11 });
  });
  after(() => t.close());

  for (const account of ['worker', 'supervisor']) {
    it(`as the demo ${account}: each sortable column both ways, first and later pages`, async () => {
      const token = await t.login(account, 'demo1234');
      const user = (await t.app.get(UserDirectory).find(Number(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub)))!;
      const cases = t.app.get(CasesService);
      let walked = 0;
      for (const [field, column] of Object.entries(COLUMNS)) {
        for (const dir of ['ASC', 'DESC'] as const) {
          for (const offset of [0, 25, 300]) {
            const raw = { sort: JSON.stringify([field, dir]), range: JSON.stringify([offset, offset + 24]) };
            const res = await t.http.get('/api/cases').query(raw).set('Authorization', `Bearer ${token}`);
            assert.equal(res.status, 200);
            const total = Number(/\/(\d+)$/.exec(res.headers['content-range'])![1]);
            if (await cases['walksSortIndex'](parseListQuery(raw, cases['spec'], t.config.timeZone), total)) walked++;
            const scope = user.scopePath ? `WHERE unit_path >= $1 AND unit_path < $2` : '';
            const params = user.scopePath ? [user.scopePath, subtreeUpperBound(user.scopePath)] : [];
            const sql = ds.options.type === 'postgres' ? sqlFor(scope, column, dir) : sqlFor(scope.replace(/\$\d/g, '?'), column, dir);
            const expected = (await ds.query(`${sql} LIMIT 25 OFFSET ${offset}`, params)).map((r: { id: number }) => Number(r.id));
            assert.deepEqual(res.body.map((c: { id: number }) => c.id), expected, `${account} by ${field} ${dir} from ${offset}`);
          }
        }
      }
      assert.ok(walked > 0, `${account}: some of these lists walk their sort index`);
    });
  }
});

const sqlFor = (scope: string, column: string, dir: string) => `SELECT id FROM cases ${scope} ORDER BY ${column} ${dir}, received_at ${dir}, id ${dir}`;
