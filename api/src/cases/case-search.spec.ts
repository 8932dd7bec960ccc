import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { closeness, containment, ftsQuery, searchDocument, textPairs, type SearchableCase } from './case-search.js';
import { tsqueryOf, tsvectorOf } from '../search/postgres-keyword-index.js';

const CASES: SearchableCase[] = [
  { title: '幸福里小区3号楼电梯故障', description: '电梯停在5层，困人约十分钟，已报物业。', address: '幸福里小区3号楼2单元', reporterName: '王建国' },
  { title: '路灯不亮', description: '和平路东段两盏路灯夜间不亮，行人摔倒。', address: '和平路12号', reporterName: '李娜' },
  { title: '楼上装修噪音扰民', description: '周末早上七点开始电钻噪音。', address: null, reporterName: null },
  { title: '污水外溢', description: '小区北门化粪池污水外溢，气味很大。WiFi 信号也差。', address: '北门', reporterName: '张伟' },
  { title: '咨询ＡＢＣ医保报销', description: '异地就医备案怎么办？', address: null, reporterName: '赵敏' },
];

/** The cases an FTS5 table built the way the migration builds it returns for a term. */
function ftsSearch(term: string): number[] {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE case_search USING fts5(body, content='', contentless_delete=1)`);
  const insert = db.prepare('INSERT INTO case_search (rowid, body) VALUES (?, ?)');
  CASES.forEach((c, i) => insert.run(i + 1, searchDocument(c)));
  const q = ftsQuery(term);
  const ids = q ? (db.prepare('SELECT rowid AS id FROM case_search WHERE case_search MATCH ? ORDER BY rowid').all(q) as { id: number }[]).map((r) => r.id) : [];
  db.close();
  return ids;
}

/** What a plain substring search over the same fields returns (folded the same way). */
function naive(term: string): number[] {
  const f = (s: string | null | undefined) => (s ?? '').normalize('NFKC').toLowerCase();
  return CASES.flatMap((c, i) => ([c.title, c.description, c.address, c.reporterName].some((s) => f(s).includes(f(term))) ? [i + 1] : []));
}

describe('keyword search for Chinese words', () => {
  it('finds two-character words, four-character words and names, as a substring search would', () => {
    assert.deepEqual(ftsSearch('电梯'), [1]);
    assert.deepEqual(ftsSearch('电'), [1, 3]);
    assert.deepEqual(ftsSearch('路灯不亮'), [2]);
    assert.deepEqual(ftsSearch('污水外溢'), [4]);
    assert.deepEqual(ftsSearch('王建国'), [1]);
    assert.deepEqual(ftsSearch('噪音'), [3]);
  });

  it('a word is matched as written, not as its characters anywhere in the text', () => {
    // 灯不 occurs in case 2 only; 不灯 nowhere, though both characters are in case 2.
    assert.deepEqual(ftsSearch('不灯'), []);
    // A word does not run from the end of one field into the next (title 路灯不亮 + description 和平路…).
    assert.deepEqual(ftsSearch('不亮和平'), []);
  });

  it('folds full-width letters and case on both sides', () => {
    assert.deepEqual(ftsSearch('abc'), [5]);
    assert.deepEqual(ftsSearch('wifi'), [4]);
  });

  it('agrees with a substring search for every substring of every field, of 1 to 6 characters', () => {
    const texts = CASES.flatMap((c) => [c.title, c.description, c.address, c.reporterName]).filter((s): s is string => !!s);
    const substring = fc
      .tuple(fc.constantFrom(...texts), fc.nat(), fc.integer({ min: 1, max: 6 }))
      .map(([text, start, len]) => {
        const chars = Array.from(text);
        const from = start % chars.length;
        return chars.slice(from, from + len).join('');
      })
      // Punctuation separates words in the index; a term spanning it is a search for both parts.
      .filter((term) => /^[\p{L}\p{N}]+$/u.test(term.normalize('NFKC')));
    fc.assert(
      fc.property(substring, (term) => {
        assert.deepEqual(ftsSearch(term), naive(term), term);
      }),
      { seed: 20261129, numRuns: 300 },
    );
  });

  it('PostgreSQL: the same tokens with their positions and the words of 3-4 characters without, a word of 2-4 one lexeme, a longer one the phrase of its pairs, a lone character a prefix', () => {
    assert.equal(tsvectorOf({ title: '路灯不亮', unitPath: '/1/7/' }), `'路灯':1 '灯不':2 '不亮':3 '亮':4 'unit1':5 'unit7':6 '路灯不' '路灯不亮' '灯不亮'`);
    assert.equal(tsqueryOf('路灯不亮 灯', ['/1/7/']), `('路灯不亮') & ('灯':*) & ('unit7')`);
    assert.equal(tsqueryOf('路灯不亮了'), `('路灯不亮' & '灯不亮了' & ('路灯' <-> '灯不' <-> '不亮' <-> '亮了'))`);
    assert.equal(tsqueryOf('——'), null);
    assert.equal(ftsQuery('——'), null);
  });

  it('closeness of two texts (possible duplicates at intake): the same problem told twice is close, a neighbour is not', () => {
    const c = (a: string, b: string) => closeness(textPairs(a), textPairs(b));
    assert.equal(c('污水井堵塞', '污水井堵塞'), 1);
    assert.ok(c('小区污水井堵塞外溢', '污水井堵塞外溢') >= 0.5);
    assert.ok(c('电梯困人', '购买的电器存在质量问题') < 0.5);
    // The same building, another household: below the address threshold (0.8); the same entrance is above.
    assert.equal(c('小碱小区5号楼2单元301', '小碱小区5号楼1单元302'), 0.75);
    assert.ok(c('小碱小区5号楼2单元', '小碱小区5号楼2单元301') >= 0.8);
    assert.equal(c('', '电梯'), 0);
    // A short title typed while the caller talks is close to a longer one that holds it.
    assert.ok(c('电梯困人', '电梯困人，老人被困在电梯里很久了') < 0.5);
    assert.equal(containment(textPairs('电梯困人'), textPairs('电梯困人，老人被困在电梯里很久了')), 1);
    assert.equal(containment(textPairs('电梯'), textPairs('电梯困人')), 0, 'too short to say');
  });
});
