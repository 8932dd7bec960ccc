import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { User } from './user.entity.js';

const TTL_MS = 30_000;

export interface Session {
  user: AuthUser;
  tokenVersion: number;
}
/** How often the change counters are read: the longest another instance's change goes unseen here. */
const CHECK_MS = 1_000;

/**
 * Who a token belongs to, cached so that an authenticated request does not cost a query. Changes made
 * through this instance are seen at once; changes anywhere else (another instance, a script) within a
 * second, by the counters the database bumps on every write to users and grid units (a scope's path): a
 * disabled account, a logout and a new password (the token version) alike.
 */
@Injectable()
export class UserDirectory {
  private readonly cache = new Map<number, { session: Session | null; at: number }>();
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
    return (await this.session(id))?.user ?? null;
  }

  /** An active user with the token version their tokens must carry (a logout or a new password bumps it). */
  async session(id: number): Promise<Session | null> {
    await this.checkVersions();
    const hit = this.cache.get(id);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.session;
    const row = await this.ds
      .getRepository(User)
      .createQueryBuilder('u')
      .leftJoin('u.scopeUnit', 's')
      .addSelect('s.path')
      .addSelect('u.tokenVersion')
      .where('u.id = :id AND u.active = :active', { id, active: true })
      .getOne();
    const session: Session | null = row
      ? {
          user: { id: row.id, username: row.username, name: row.name, role: row.role, scopeUnitId: row.scopeUnitId, departmentId: row.departmentId, defaultChannelId: row.defaultChannelId ?? null, scopePath: row.scopeUnit?.path ?? null },
          tokenVersion: row.tokenVersion,
        }
      : null;
    this.cache.set(id, { session, at: Date.now() });
    return session;
  }

  forget(id?: number) {
    if (id === undefined) this.cache.clear();
    else this.cache.delete(id);
  }
}
