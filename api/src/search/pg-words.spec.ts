/**
 * PostgreSQL's keyword lexemes (pg-words.ts) on a real server: for random texts and any word of one to six
 * characters taken from them or made up, the tsquery finds exactly the cases whose folded text contains the
 * word, and migration KeywordGrams turns an entry written before it into the entry written now. Runs when
 * DATABASE_URL names a PostgreSQL server (a scratch database of its own is created there and dropped).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import type { SearchableCase } from '../cases/case-search.js';
import { ENTRIES_WITH_WORDS } from '../database/migrations/postgres/1796710000000-KeywordGrams.js';
import { wordQuery, wordsOf } from './pg-words.js';
import { tsqueryOf, tsvectorOf } from './postgres-keyword-index.js';

const BASE = process.env.DATABASE_URL ?? '';
const fold = (s: string | null | undefined) => (s ?? '').normalize('NFKC').toLowerCase();

describe('PostgreSQL keyword lexemes', () => {
  it('holds the three- and four-character words of each run, never across two runs', () => {
    assert.deepEqual([...wordsOf(['路灯', '灯不', '不亮', '亮', '污水', '水'])].sort(), ['灯不亮', '路灯不', '路灯不亮']);
    assert.deepEqual([...wordsOf(['ab', 'b', 'unit12'])], []);
  });

  it('asks a word of up to four characters as one lexeme, a longer one as its phrase with its pieces', () => {
    const q = (s: string) => `'${s}'`;
    assert.equal(wordQuery(['污水', '水外', '外溢'], q), `'污水外溢'`);
    assert.equal(wordQuery(['污水', '水外', '外溢', '溢到'], q), `'污水外溢' & '水外溢到' & ('污水' <-> '水外' <-> '外溢' <-> '溢到')`);
  });
});

describe('PostgreSQL keyword search: exactly the cases containing the word', { skip: !BASE.startsWith('postgres') && 'PostgreSQL only (DATABASE_URL)' }, () => {
  // Named after DATABASE_URL's database, whose owner may create only names that start with it.
  const name = `${BASE.startsWith('postgres') ? new URL(BASE).pathname.slice(1) || 'postgres' : ''}_words_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  let admin: DataSource;
  let db: DataSource;

  before(async () => {
    admin = await new DataSource({ type: 'postgres', url: BASE }).initialize();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(BASE);
    url.pathname = `/${name}`;
    db = await new DataSource({ type: 'postgres', url: url.toString() }).initialize();
    await db.query(`CREATE TABLE case_search (case_id integer PRIMARY KEY, doc tsvector NOT NULL, unit_id integer NOT NULL DEFAULT 0)`);
  });
  after(async () => {
    await db?.destroy();
    await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin?.destroy();
  });

  // Few letters, so that words recur; full-width and upper-case letters fold; punctuation and spaces separate runs.
  const text = fc.array(fc.constantFrom(...'污水外溢路灯不亮电梯水水ａAb1１，。 '), { maxLength: 24 }).map((cs) => cs.join(''));
  const caseOf = fc.record({ title: text, description: fc.option(text), address: fc.option(text), reporterName: fc.option(text) });
  const runs = (c: SearchableCase) => [c.title, c.description, c.address, c.reporterName].map(fold);

  it('finds, for random texts and words of 1 to 6 characters, the cases a substring search finds; the migration writes the same entries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(caseOf, { minLength: 1, maxLength: 12 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 6 })), { minLength: 1, maxLength: 8 }), async (cases, picks) => {
        const docs = cases.map((c) => tsvectorOf(c));
        await db.query(`TRUNCATE case_search`);
        await db.query(`INSERT INTO case_search (case_id, doc) SELECT * FROM unnest($1::int[], $2::tsvector[])`, [cases.map((_, i) => i + 1), docs]);
        const words = picks
          .map(([which, start, len]) => {
            const chars = Array.from(runs(cases[which % cases.length]).join(''));
            return chars.slice(start % Math.max(chars.length, 1), (start % Math.max(chars.length, 1)) + len).join('');
          })
          .filter((w) => /^[\p{L}\p{N}]+$/u.test(w));
        for (const word of [...words, '水水水', '灯不亮电']) {
          const rows: { case_id: number }[] = await db.query(`SELECT case_id FROM case_search WHERE doc @@ $1::tsquery ORDER BY 1`, [tsqueryOf(word)]);
          const expected = cases.flatMap((c, i) => (runs(c).some((s) => s.includes(fold(word))) ? [i + 1] : []));
          assert.deepEqual(rows.map((r) => r.case_id), expected, `${word} in ${JSON.stringify(cases)}`);
        }
        // An entry as written before KeywordGrams (its pairs and single characters) made anew by the migration's SQL.
        await db.query(`UPDATE case_search SET doc = ts_delete(doc, ARRAY(SELECT l.lexeme FROM unnest(doc) l WHERE char_length(l.lexeme) BETWEEN 3 AND 4))`);
        const migrated: { case_id: number; same: boolean }[] = await db.query(`SELECT e.case_id, e.doc = d.doc::tsvector AS same FROM (${ENTRIES_WITH_WORDS('TRUE')}) e JOIN unnest($1::text[]) WITH ORDINALITY d(doc, id) ON d.id = e.case_id`, [docs]);
        assert.deepEqual(migrated.filter((r) => !r.same), []);
        assert.equal(migrated.length, cases.length);
      }),
      { numRuns: 60, seed: 20261202 },
    );
  });
});
