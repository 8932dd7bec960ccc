import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { User } from './user.entity.js';

const TTL_MS = 30_000;
/** How often the change counters are read: the longest another instance's change goes unseen here. */
const CHECK_MS = 1_000;

/**
 * Who a token belongs to, cached so that an authenticated request does not cost a query. Changes made
 * through this instance are seen at once; changes anywhere else (another instance, a script) within a
 * second, by the counters the database bumps on every write to users and grid units (a scope's path).
 */
@Injectable()
export class UserDirectory {
  private readonly cache = new Map<number, { user: AuthUser | null; at: number }>();
  private versions = '';
  private checkedAt = 0;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Forgets every user when a counter moved since the last look (at most once a second). */
  private async checkVersions() {
    if (Date.now() - this.checkedAt < CHECK_MS) return;
    this.checkedAt = Date.now();
    const rows: { name: string; version: number | string }[] = await this.ds.query(`SELECT name, version FROM reference_versions WHERE name IN ('users', 'grid_units') ORDER BY name`);
    const versions = rows.map((r) => `${r.name}=${r.version}`).join(',');
    if (versions !== this.versions) this.cache.clear();
    this.versions = versions;
  }

  async find(id: number): Promise<AuthUser | null> {
    await this.checkVersions();
    const hit = this.cache.get(id);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.user;
    const row = await this.ds
      .getRepository(User)
      .createQueryBuilder('u')
      .leftJoin('u.scopeUnit', 's')
      .addSelect('s.path')
      .where('u.id = :id AND u.active = :active', { id, active: true })
      .getOne();
    const user: AuthUser | null = row
      ? { id: row.id, username: row.username, name: row.name, role: row.role, scopeUnitId: row.scopeUnitId, departmentId: row.departmentId, defaultChannelId: row.defaultChannelId ?? null, scopePath: row.scopeUnit?.path ?? null }
      : null;
    this.cache.set(id, { user, at: Date.now() });
    return user;
  }

  forget(id?: number) {
    if (id === undefined) this.cache.clear();
    else this.cache.delete(id);
  }
}
