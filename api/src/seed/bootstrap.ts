import type { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { LOCKS } from '../database/advisory-lock.js';
import { databaseEngine } from '../database/database-engine.js';
import { GridUnit } from '../grid/grid-unit.entity.js';
import { hashPassword, needsRehash, verifyPassword } from '../users/passwords.js';
import { User } from '../users/user.entity.js';

/**
 * At start: seed the demo community into an empty database (SEED=demo), and create or reset the
 * `admin` account when ADMIN_PASSWORD is given.
 */
export async function bootstrapData(ds: DataSource, config: AppConfig, logger: Logger) {
  const lock = databaseEngine(config.databaseKind).lock(ds);
  if (config.seed === 'demo') {
    // Several instances may start on one empty database: the first seeds, the others find it seeded.
    await lock.hold(LOCKS.seed, async () => {
      if ((await ds.getRepository(GridUnit).count()) > 0) return;
      const { seedDemo } = await import('./demo-seed.js');
      const started = Date.now();
      await seedDemo(ds, { timeZone: config.timeZone });
      logger.log(`seeded the demo community in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
  }
  const password = config.adminPassword;
  if (password) {
    // In the same lock: two instances starting together on an empty database would both find no admin and
    // both insert one (the second start failing on the unique username).
    await lock.hold(LOCKS.seed, async () => {
      const users = ds.getRepository(User);
      const admin = await users.createQueryBuilder('u').addSelect('u.passwordHash').where('u.username = :username', { username: 'admin' }).getOne();
      if (!admin) {
        await users.insert({ username: 'admin', name: '系统管理员', role: 'admin', passwordHash: await hashPassword(password), active: true });
      } else if (await verifyPassword(admin.passwordHash, password)) {
        // The same password (every start, every instance): the admin's sessions stay signed in.
        const fresh = needsRehash(admin.passwordHash) ? { passwordHash: await hashPassword(password) } : {};
        await users.update(admin.id, { ...fresh, role: 'admin', active: true });
      } else {
        // A reset: tokens signed with the old password end, as after any password change.
        await users.update(admin.id, { passwordHash: await hashPassword(password), role: 'admin', active: true, tokenVersion: () => '"token_version" + 1' });
      }
      logger.log('ADMIN_PASSWORD: the admin account is ready');
    });
  }
}
