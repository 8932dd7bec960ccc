import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AppError, ErrorCode } from '../common/errors.js';
import { text } from '../common/localize.js';
import { DEMO_PASSWORD, verifyPassword } from '../users/passwords.js';
import { User } from '../users/user.entity.js';
import { resourceAccess } from './resource-access.js';

export interface LoginResult {
  token: string;
  user: ReturnType<typeof publicUser>;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<LoginResult> {
    const refuse = () => new AppError(ErrorCode.Unauthorized, text('wrongPassword'));
    const user = await this.users.createQueryBuilder('u').addSelect('u.passwordHash').where('u.username = :username', { username }).getOne();
    if (!user || !user.active) throw refuse();
    if (this.config.production && password === DEMO_PASSWORD) throw refuse();
    if (!(await verifyPassword(user.passwordHash, password))) throw refuse();
    const token = await this.jwt.signAsync({ sub: user.id, role: user.role });
    return { token, user: publicUser(user) };
  }
}

/** The signed-in user as the console keeps it, with what their role may do to each resource. */
export const publicUser = (u: User) => ({
  id: u.id,
  username: u.username,
  name: u.name,
  role: u.role,
  scopeUnitId: u.scopeUnitId,
  departmentId: u.departmentId,
  permissions: resourceAccess(u.role),
});
