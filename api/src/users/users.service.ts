import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CrudService, RequestContext } from '../common/crud.service.js';
import { conflict, fieldError } from '../common/errors.js';
import { maskedFields, NOTHING_MASKED } from '../common/masked-fields.js';
import { maskPhone } from '../common/privacy.js';
import type { ListSpec } from '../common/list-query.js';
import { Department } from '../departments/department.entity.js';
import { GridUnit } from '../grid/grid-unit.entity.js';
import type { CreateUserDto, UpdateUserDto } from './dto/user.dto.js';
import { PasswordHasher } from './password-hasher.js';
import { UserDirectory } from './user-directory.service.js';
import { ROLES, User } from './user.entity.js';

const PHONE_MASKED = maskedFields(['phone']);

/**
 * A staff member's number is for admins, themself, and their unit's own people: the colleagues of the same
 * responsible unit (department), or of the same community team (scope unit), who cover for each other.
 */
function seesColleaguePhone(viewer: AuthUser, user: User): boolean {
  if (viewer.role === 'admin' || viewer.id === user.id) return true;
  if (viewer.departmentId !== null && viewer.departmentId === user.departmentId) return true;
  return viewer.role !== 'handler' && viewer.scopeUnitId !== null && viewer.scopeUnitId === user.scopeUnitId && user.role !== 'handler';
}

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
    private readonly hasher: PasswordHasher,
  ) {
    super(ds, ds.getRepository(User));
  }

  protected override readonly logAs = 'users';

  /** Only admins see every colleague's number whole; anyone else may not filter or sort by it. */
  protected override maskedFields(user: AuthUser) {
    return user.role === 'admin' ? NOTHING_MASKED : PHONE_MASKED;
  }

  /** One's own number is no view of personal data; anyone else's, shown whole, is. */
  protected override showsInFull(row: User, ctx: RequestContext) {
    return !!row.phone && row.id !== ctx.user.id && seesColleaguePhone(ctx.user, row);
  }

  protected override present(row: User, ctx: RequestContext) {
    if (!row.phone || seesColleaguePhone(ctx.user, row)) return row;
    const out = Object.assign(Object.create(Object.getPrototypeOf(row)) as User, row);
    out.phone = maskPhone(row.phone);
    return out;
  }

  protected override async prepare(dto: Record<string, unknown>, before: User | undefined, m: EntityManager, _user: AuthUser): Promise<Partial<User>> {
    const { password, ...rest } = dto as { password?: string } & Partial<User>;
    const out: Partial<User> = { ...rest };
    if (rest.scopeUnitId != null) await this.mustExist(m, GridUnit, 'scopeUnitId', rest.scopeUnitId);
    if (rest.departmentId != null) await this.mustExist(m, Department, 'departmentId', rest.departmentId);
    const role = rest.role ?? before?.role;
    const departmentId = rest.departmentId !== undefined ? rest.departmentId : before?.departmentId;
    if (role === 'handler' && departmentId == null) throw fieldError('departmentId', 'handlerNeedsUnit');
    if (password) {
      out.passwordHash = await this.hasher.hash(password);
      // A new password ends every session signed in with the old one (tokens carry the version they were signed at).
      if (before) await m.increment(User, { id: before.id }, 'tokenVersion', 1);
    } else if (!before) throw fieldError('password', 'required');
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
