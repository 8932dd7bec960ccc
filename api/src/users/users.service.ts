import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CrudService, RequestContext } from '../common/crud.service.js';
import { fieldError } from '../common/errors.js';
import type { ListSpec } from '../common/list-query.js';
import { Department } from '../departments/department.entity.js';
import { GridUnit } from '../grid/grid-unit.entity.js';
import type { CreateUserDto, UpdateUserDto } from './dto/user.dto.js';
import { PasswordHasher } from './password-hasher.js';
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
    private readonly hasher: PasswordHasher,
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
    if (password) {
      out.passwordHash = await this.hasher.hash(password);
      // A new password ends every session signed in with the old one (tokens carry the version they were signed at).
      if (before) await m.increment(User, { id: before.id }, 'tokenVersion', 1);
    } else if (!before) throw fieldError('password', 'required');
    return out;
  }

  protected override async afterWrite(row: User) {
    this.directory.forget(row.id);
  }
}
