import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import argon2 from 'argon2';
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from '../users/passwords.js';
import { credentialsAccepted } from './credentials.js';

/** The real verification, noting which hashes it was asked to check. */
function recordingVerify() {
  const hashes: string[] = [];
  const verify = (hash: string, plain: string) => (hashes.push(hash), verifyPassword(hash, plain));
  return { hashes, verify };
}

/** The argon2 parameters a hash was made with: `m=19456,p=1,t=2`. */
const params = (hash: string) => hash.split('$')[3];

describe('credentials (no timing oracle)', () => {
  it('does the same argon2 work for an unknown username as for a wrong password', async () => {
    const real = await hashPassword('right-password');
    const unknown = recordingVerify();
    assert.equal(await credentialsAccepted(null, 'whatever-1', unknown.verify), false);
    assert.deepEqual(unknown.hashes, [DUMMY_HASH], 'an unknown username is verified against the dummy hash');
    const wrong = recordingVerify();
    assert.equal(await credentialsAccepted({ passwordHash: real, active: true }, 'whatever-1', wrong.verify), false);
    assert.deepEqual(wrong.hashes, [real]);
    assert.equal(params(DUMMY_HASH), params(real), 'the dummy hash costs what a real one does');
    assert.equal(needsRehash(DUMMY_HASH), false);
  });

  it('verifies a disabled account and then refuses it, even with its right password', async () => {
    const real = await hashPassword('right-password');
    const r = recordingVerify();
    assert.equal(await credentialsAccepted({ passwordHash: real, active: false }, 'right-password', r.verify), false);
    assert.deepEqual(r.hashes, [real]);
    assert.equal(await credentialsAccepted({ passwordHash: real, active: true }, 'right-password', verifyPassword), true);
  });

  it('refuses the demo password where told to, after the same work', async () => {
    const demo = await hashPassword('demo1234');
    const r = recordingVerify();
    assert.equal(await credentialsAccepted({ passwordHash: demo, active: true }, 'demo1234', r.verify, { refusedPassword: 'demo1234' }), false);
    assert.equal(r.hashes.length, 1);
  });

  it('hashes with bounded memory; older hashes still verify and are marked for hashing again', async () => {
    const fresh = await hashPassword('pw-123456');
    assert.match(fresh, /^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    assert.equal(needsRehash(fresh), false);
    const old = await argon2.hash('pw-123456', { type: argon2.argon2id, memoryCost: 65536, timeCost: 3, parallelism: 4 });
    assert.equal(await verifyPassword(old, 'pw-123456'), true);
    assert.equal(needsRehash(old), true);
    assert.equal(needsRehash('$argon2i$v=19$m=19456,p=1,t=2$c2FsdHNhbHQ$aGFzaA'), true, 'another variant');
  });
});
