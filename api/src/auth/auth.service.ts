import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AppError, ErrorCode, fieldError } from '../common/errors.js';
import { text } from '../common/localize.js';
import { Channel } from '../channels/channel.entity.js';
import { UserDirectory } from '../users/user-directory.service.js';
import type { AuthUser } from './auth-user.js';
import type { UserSettingsDto } from './dto/settings.dto.js';
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
    private readonly directory: UserDirectory,
  ) {}

  /** A user's own settings; the directory forgets the cached user so the next request sees them. */
  async updateSettings(user: AuthUser, dto: UserSettingsDto) {
    if (dto.defaultChannelId !== undefined) {
      const id = dto.defaultChannelId;
      if (id !== null) {
        const channel = await this.users.manager.getRepository(Channel).findOne({ where: { id } });
        if (!channel || !channel.active) throw fieldError('defaultChannelId', 'notActiveChannel');
      }
      await this.users.update(user.id, { defaultChannelId: id });
    }
    this.directory.forget(user.id);
    return signedInUser((await this.directory.find(user.id))!);
  }

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

/** `GET /auth/me` (and the answer to a settings change): the signed-in user without internals, with permissions. */
export function signedInUser(user: AuthUser) {
  const { scopePath: _path, ...rest } = user;
  return { ...rest, permissions: resourceAccess(user.role) };
}

/** The signed-in user as the console keeps it, with what their role may do to each resource. */
export const publicUser = (u: User) => ({
  id: u.id,
  username: u.username,
  name: u.name,
  role: u.role,
  scopeUnitId: u.scopeUnitId,
  departmentId: u.departmentId,
  defaultChannelId: u.defaultChannelId ?? null,
  canExportPersonalData: u.role === 'admin' || !!u.canExportPersonalData,
  permissions: resourceAccess(u.role),
});
