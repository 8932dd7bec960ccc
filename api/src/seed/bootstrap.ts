import type { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { LOCKS, withAdvisoryLock } from '../database/database.module.js';
import { GridUnit } from '../grid/grid-unit.entity.js';
import { hashPassword } from '../users/passwords.js';
import { User } from '../users/user.entity.js';

/**
 * At start: seed the demo community into an empty database (SEED=demo), and create or reset the
 * `admin` account when ADMIN_PASSWORD is given.
 */
export async function bootstrapData(ds: DataSource, config: AppConfig, logger: Logger) {
  if (config.seed === 'demo') {
    // Several instances may start on one empty database: the first seeds, the others find it seeded.
    await withAdvisoryLock(ds, LOCKS.seed, async () => {
      if ((await ds.getRepository(GridUnit).count()) > 0) return;
      const { seedDemo } = await import('./demo-seed.js');
      const started = Date.now();
      await seedDemo(ds, { timeZone: config.timeZone });
      logger.log(`seeded the demo community in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
  }
  if (config.adminPassword) {
    const users = ds.getRepository(User);
    const passwordHash = await hashPassword(config.adminPassword);
    const admin = await users.findOne({ where: { username: 'admin' } });
    if (admin) await users.update(admin.id, { passwordHash, role: 'admin', active: true });
    else await users.insert({ username: 'admin', name: '系统管理员', role: 'admin', passwordHash, active: true });
    logger.log('ADMIN_PASSWORD: the admin account is ready');
  }
}
