import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertServable, ConfigError, loadConfig } from './config.js';

describe('what a server needs to start', () => {
  it('refuses PostgreSQL without JWT_SECRET, saying so in Chinese and English', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://db.example/tracker' });
    assert.throws(() => assertServable(config), (err: Error) => err instanceof ConfigError && /必须设置 JWT_SECRET/.test(err.message) && /JWT_SECRET is required on PostgreSQL/.test(err.message));
  });

  it('serves PostgreSQL with a given key, and SQLite (the demo) with a random one', () => {
    assert.doesNotThrow(() => assertServable(loadConfig({ DATABASE_URL: 'postgres://db.example/tracker', JWT_SECRET: 'k'.repeat(32) })));
    const demo = loadConfig({ DATABASE_URL: 'sqlite::memory:' });
    assert.equal(demo.jwtSecretRandom, true);
    assert.doesNotThrow(() => assertServable(demo));
  });

  it('takes FILE_STORAGE local (the default) or database, nothing else', () => {
    assert.equal(loadConfig({}).fileStorage, 'local');
    assert.equal(loadConfig({ FILE_STORAGE: 'database' }).fileStorage, 'database');
    assert.throws(() => loadConfig({ FILE_STORAGE: 's3' }), /FILE_STORAGE/);
  });
});
