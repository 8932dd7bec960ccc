import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { buildWorld, edit, logCase, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

/** Cases whose words a search must find as a substring search would (title, description, address, name). */
const CASES = [
  { title: '幸福里小区3号楼电梯故障', description: '电梯停在5层，困人约十分钟，已报物业。', address: '幸福里小区3号楼2单元', reporterName: '王建国' },
  { title: '路灯不亮', description: '和平路东段两盏路灯夜间不亮，行人摔倒。', address: '和平路12号', reporterName: '李娜' },
  { title: '楼上装修噪音扰民', description: '周末早上七点开始电钻噪音。' },
  { title: '污水外溢', description: '小区北门化粪池污水外溢，气味很大。WiFi 信号也差。', address: '北门', reporterName: '张伟' },
  { title: '咨询ＡＢＣ医保报销', description: '异地就医备案怎么办？', reporterName: '赵敏' },
];
type Fields = { title: string; description?: string; address?: string; reporterName?: string };

const fold = (s: string | undefined) => (s ?? '').normalize('NFKC').toLowerCase();

/**
 * The keyword index of the configured engine (search/keyword-index.ts: FTS5 on SQLite, tsvector on
 * PostgreSQL), through the case list: the rows and the `Content-Range` total agree with a plain substring
 * search for any word taken from the cases, edits and moves are found at once, and a search within a
 * subtree counts only the cases under it.
 */
describe('keyword search: what a substring search would find, on either engine', () => {
  let t: TestApp;
  let w: World;
  const texts = new Map<number, Fields>();
  const as = () => ({ Authorization: `Bearer ${w.admin}` });

  async function search(term: string, extra: Record<string, unknown> = {}, token = w.admin) {
    const res = await t.http.get(`/api/cases?range=[0,99]&filter=${filter({ q: term, ...extra })}`).set({ Authorization: `Bearer ${token}` });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const total = Number(/\/(\d+)$/.exec(res.headers['content-range'])![1]);
    return { ids: (res.body as { id: number }[]).map((c) => c.id).sort((a, b) => a - b), total };
  }

  const naive = (term: string) =>
    [...texts].filter(([, c]) => [c.title, c.description, c.address, c.reporterName].some((s) => fold(s).includes(fold(term)))).map(([id]) => id).sort((a, b) => a - b);

  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    for (const c of CASES) texts.set((await logCase(t, w, w.admin, c)).id, c);
  });
  after(() => t.close());

  it('finds two- and four-character words, names and folded letters; never a word across two fields', async () => {
    for (const [term, expected] of [['电梯', [0]], ['路灯不亮', [1]], ['王建国', [0]], ['abc', [4]], ['wifi', [3]], ['不灯', []], ['不亮和平', []]] as const) {
      const ids = [...texts.keys()];
      const found = await search(term);
      assert.deepEqual(found.ids, expected.map((i) => ids[i]), term);
      assert.equal(found.total, expected.length, `${term}: Content-Range`);
    }
  });

  it('agrees with a substring search, rows and total, for any substring of 1 to 6 characters', async () => {
    const all = [...texts.values()].flatMap((c) => [c.title, c.description, c.address, c.reporterName]).filter((s): s is string => !!s);
    const terms = fc.sample(
      fc
        .tuple(fc.constantFrom(...all), fc.nat(), fc.integer({ min: 1, max: 6 }))
        .map(([text, start, len]) => Array.from(text).slice(start % Array.from(text).length, (start % Array.from(text).length) + len).join(''))
        .filter((term) => /^[\p{L}\p{N}]+$/u.test(term.normalize('NFKC'))),
      { seed: 20261202, numRuns: 120 },
    );
    for (const term of terms) {
      const found = await search(term);
      assert.deepEqual(found.ids, naive(term), term);
      assert.equal(found.total, found.ids.length, `${term}: Content-Range`);
    }
  });

  it('an edited title is found by its new words at once, and no longer by its old ones', async () => {
    const [id] = texts.keys();
    const res = await edit(t.http, w.admin, `/cases/${id}`, { title: '井盖缺失' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    texts.set(id, { ...texts.get(id)!, title: '井盖缺失' });
    assert.deepEqual((await search('井盖')).ids, [id]);
    assert.deepEqual((await search('幸福里')).ids, naive('幸福里'));
  });

  it('a keyword export, asked for the moment a case is logged, holds it', async () => {
    const c = await logCase(t, w, w.admin, { title: '配电箱冒烟', description: '地下车库配电箱冒烟有焦味' });
    texts.set(c.id, { ...CASES[0], title: '配电箱冒烟', description: '地下车库配电箱冒烟有焦味' });
    const res = await t.http.get(`/api/cases.csv?filter=${filter({ q: '焦味' })}`).set(as());
    assert.equal(res.status, 200);
    assert.ok(res.text.includes(c.number), `the export lists ${c.number}:\n${res.text.slice(0, 400)}`);
  });

  it('counts a two-character word exactly after intake and edits, in the whole table and in a scoped user’s subtree', async () => {
    // Where each case lies (the cases above are logged in the compound, under grid 1).
    const placed = new Map<number, number>();
    const log = async (unit: number, fields: Fields) => {
      const c = await logCase(t, w, w.admin, { ...fields, gridUnitId: unit });
      texts.set(c.id, fields);
      placed.set(c.id, unit);
      return c.id as number;
    };
    await log(w.units.grid2, { title: '电梯异响', description: '电梯运行时有异响，夜间噪音大' });
    const other = await log(w.units.other, { title: '电梯停运', description: '楼下噪音很大' });
    const mine = await log(w.units.grid1, { title: '噪音扰民', description: '夜间施工' });
    for (const [id, change] of [[other, { title: '路灯不亮' }], [mine, { description: '电梯口堆放杂物' }]] as const) {
      const res = await edit(t.http, w.admin, `/cases/${id}`, change);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      texts.set(id, { ...texts.get(id)!, ...change });
    }
    const underGrid1 = new Set([w.units.grid1, w.units.compound]);
    const underZone = new Set([...underGrid1, w.units.grid2]);
    const within = (units: Set<number>, ids: number[]) => ids.filter((id) => units.has(placed.get(id) ?? w.units.compound)).length;
    for (const word of ['电梯', '噪音', '路灯', '施工', '异响', '杂物', '停运']) {
      assert.equal((await search(word)).total, naive(word).length, `${word}: admin`);
      assert.equal((await search(word, {}, w.users.worker.token)).total, within(underGrid1, naive(word)), `${word}: the grid worker of grid 1`);
      assert.equal((await search(word, { unitId: w.units.zone }, w.users.supervisor.token)).total, within(underZone, naive(word)), `${word}: the zone`);
      assert.equal((await search(word, { unitId: w.units.grid2 }, w.users.worker.token)).total, 0, `${word}: a unit outside the worker's scope`);
    }
  });

  it('within a subtree: counted from the index, only the cases under it; a moved grid takes its cases along', async () => {
    assert.equal((await search('污水', { unitId: w.units.grid1 })).total, 1);
    assert.equal((await search('污水', { unitId: w.units.grid2 })).total, 0);
    const moved = await edit(t.http, w.admin, `/grid-units/${w.units.compound}`, { parentId: w.units.grid2 });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal((await search('污水', { unitId: w.units.grid1 })).total, 0);
    const underGrid2 = await search('污水', { unitId: w.units.grid2 });
    assert.equal(underGrid2.total, 1);
    assert.equal(underGrid2.ids.length, 1);
  });
});
