import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

const env = (extra: Record<string, string>) => ({ DATABASE_URL: 'sqlite::memory:', ...extra });

describe('sign-in limits from the environment (README, LOGIN_…)', () => {
  it('defaults to 5 failures a username per 15 minutes and 30 an address per minute, two hashes at a time', () => {
    const { login, trustProxy } = loadConfig(env({}));
    assert.deepEqual(login.account, { limit: 5, windowMs: 900_000, lockMs: 900_000, maxLockMs: 3_600_000 });
    assert.deepEqual(login.address, { limit: 30, windowMs: 60_000, lockMs: 60_000, maxLockMs: 3_600_000 });
    assert.equal(login.hashConcurrency, 1);
    assert.equal(login.hashQueue, 16);
    assert.equal(trustProxy, false, 'X-Forwarded-For is not believed unless a proxy is named');
  });

  it('takes each figure from its variable, 0 turning a limit off', () => {
    const { login } = loadConfig(env({ LOGIN_ACCOUNT_LIMIT: '0', LOGIN_ADDRESS_WINDOW_SECONDS: '10', LOGIN_MAX_LOCK_SECONDS: '120', LOGIN_HASH_QUEUE: '0' }));
    assert.equal(login.account.limit, 0);
    assert.equal(login.address.windowMs, 10_000);
    assert.equal(login.account.maxLockMs, 120_000);
    assert.equal(login.hashQueue, 0);
  });

  it('refuses figures that are not whole numbers, naming the variable', () => {
    assert.throws(() => loadConfig(env({ LOGIN_ACCOUNT_LIMIT: 'five' })), (e: Error) => e instanceof ConfigError && /LOGIN_ACCOUNT_LIMIT/.test(e.message));
    assert.throws(() => loadConfig(env({ LOGIN_HASH_CONCURRENCY: '1.5' })), /LOGIN_HASH_CONCURRENCY/);
    assert.throws(() => loadConfig(env({ LOGIN_ACCOUNT_LOCK_SECONDS: '-1' })), /LOGIN_ACCOUNT_LOCK_SECONDS/);
  });

  it('reads TRUST_PROXY as true or a list of proxies', () => {
    assert.equal(loadConfig(env({ TRUST_PROXY: 'true' })).trustProxy, true);
    assert.deepEqual(loadConfig(env({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16' })).trustProxy, ['10.0.0.1', '192.168.0.0/16']);
  });
});
