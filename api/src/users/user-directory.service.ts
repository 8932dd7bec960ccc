import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { User } from './user.entity.js';

const TTL_MS = 30_000;

/**
 * Who a token belongs to, cached briefly so that an authenticated request does not cost a query.
 * Changes made through this instance are seen at once; other instances see them within TTL_MS.
 */
@Injectable()
export class UserDirectory {
  private readonly cache = new Map<number, { user: AuthUser | null; at: number }>();

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async find(id: number): Promise<AuthUser | null> {
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
      ? { id: row.id, username: row.username, name: row.name, role: row.role, scopeUnitId: row.scopeUnitId, departmentId: row.departmentId, scopePath: row.scopeUnit?.path ?? null }
      : null;
    this.cache.set(id, { user, at: Date.now() });
    return user;
  }

  forget(id?: number) {
    if (id === undefined) this.cache.clear();
    else this.cache.delete(id);
  }
}
