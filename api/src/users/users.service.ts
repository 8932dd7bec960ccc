import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CrudService, RequestContext } from '../common/crud.service.js';
import { conflict, fieldError } from '../common/errors.js';
import type { ListSpec } from '../common/list-query.js';
import { Department } from '../departments/department.entity.js';
import { GridUnit } from '../grid/grid-unit.entity.js';
import type { CreateUserDto, UpdateUserDto } from './dto/user.dto.js';
import { hashPassword } from './passwords.js';
import { UserDirectory } from './user-directory.service.js';
import { ROLES, User } from './user.entity.js';

@Injectable()
export class UsersService extends CrudService<User, CreateUserDto, UpdateUserDto> {
  protected readonly label = 'User';
  protected readonly spec: ListSpec<RequestContext> = {
    alias: 'u',
    defaultSort: ['username', 'ASC'],
    fields: {
      id: { type: 'int' },
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', values: ROLES },
      scopeUnitId: { type: 'int' },
      departmentId: { type: 'int' },
      active: { type: 'boolean' },
    },
    search: (qb, term, param) => qb.andWhere(`(u.username LIKE ${param(`%${term}%`)} OR u.name LIKE ${param(`%${term}%`)})`),
  };

  constructor(
    @InjectDataSource() ds: DataSource,
    private readonly directory: UserDirectory,
  ) {
    super(ds, ds.getRepository(User));
  }

  protected override async prepare(dto: Record<string, unknown>, before: User | undefined, m: EntityManager, _user: AuthUser): Promise<Partial<User>> {
    const { password, ...rest } = dto as { password?: string } & Partial<User>;
    const out: Partial<User> = { ...rest };
    if (rest.scopeUnitId != null) await this.mustExist(m, GridUnit, 'scopeUnitId', rest.scopeUnitId);
    if (rest.departmentId != null) await this.mustExist(m, Department, 'departmentId', rest.departmentId);
    const role = rest.role ?? before?.role;
    const departmentId = rest.departmentId !== undefined ? rest.departmentId : before?.departmentId;
    if (role === 'handler' && departmentId == null) throw fieldError('departmentId', 'handlerNeedsUnit');
    if (password) out.passwordHash = await hashPassword(password);
    else if (!before) throw fieldError('password', 'required');
    return out;
  }

  /**
   * Accounts are never deleted: their name stays on every case and timeline entry they touched. DELETE
   * disables the account (it can no longer sign in) and answers it, as disabled.
   */
  override async remove(id: number, user: AuthUser): Promise<unknown> {
    await this.ds.transaction(async (m) => {
      const before = await this.findOrThrow(id, user, m);
      if (!before.active) return;
      await m.createQueryBuilder().update(User).set({ active: false, version: () => 'version + 1' }).where('id = :id', { id }).execute();
      await this.afterWrite({ ...before, active: false } as User, m, before);
    });
    return this.get(id, user);
  }

  protected override async afterWrite(row: User, m: EntityManager, before: User | undefined) {
    if (before?.role === 'admin' && before.active && (row.role !== 'admin' || !row.active)) await this.keepAnAdmin(m);
    this.directory.forget(row.id);
  }

  /**
   * After disabling or demoting an admin, inside its transaction: one active admin must remain, else the write
   * is undone (409), for no one else could sign in to put it right. Counted after the write, so two admins
   * disabling each other at once cannot both pass: every write to users moves the users' change counter
   * (trigger of migration UserVersions), whose row the second transaction waits on until the first commits.
   */
  private async keepAnAdmin(m: EntityManager) {
    const left = await m.getRepository(User).count({ where: { role: 'admin', active: true } });
    if (left === 0) throw conflict('lastAdmin');
  }
}
