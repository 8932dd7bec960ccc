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
import { DEMO_PASSWORD, needsRehash } from '../users/passwords.js';
import { PasswordHasher } from '../users/password-hasher.js';
import { credentialsAccepted } from './credentials.js';
import { LoginThrottle } from './login-throttle.js';
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
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
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

  /**
   * A sign-in from a client address: refused with 429 while the username or the address is locked (no password
   * work is done then), 401 alike for a wrong password, an unknown username and a disabled account.
   */
  async login(username: string, password: string, address: string): Promise<LoginResult> {
    await this.throttle.assertOpen(username, address);
    const user = await this.users.createQueryBuilder('u').addSelect('u.passwordHash').addSelect('u.tokenVersion').where('u.username = :username', { username }).getOne();
    const rules = { refusedPassword: this.config.production ? DEMO_PASSWORD : undefined };
    // Verified even for an unknown username (against a dummy hash): see credentials.ts.
    const accepted = await credentialsAccepted(user, password, (h, p) => this.hasher.verify(h, p), rules);
    if (!accepted || !user) {
      await this.throttle.failed(username, address);
      throw new AppError(ErrorCode.Unauthorized, text('wrongPassword'));
    }
    await this.throttle.succeeded(username);
    // A hash made with older argon2 parameters (64 MiB) is made again with today's, now that the password is known.
    if (needsRehash(user.passwordHash)) await this.users.update(user.id, { passwordHash: await this.hasher.hash(password) });
    const token = await this.jwt.signAsync({ sub: user.id, role: user.role, tv: user.tokenVersion });
    return { token, user: publicUser(user) };
  }

  /** A user's own new password, given the current one (throttled as sign-ins are); ends every earlier session. */
  async changePassword(me: AuthUser, currentPassword: string, password: string, address: string): Promise<LoginResult> {
    await this.throttle.assertOpen(me.username, address);
    const user = await this.users.createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id: me.id }).getOneOrFail();
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      await this.throttle.failed(me.username, address);
      throw fieldError('currentPassword', 'wrongCurrentPassword');
    }
    await this.throttle.succeeded(me.username);
    const passwordHash = await this.hasher.hash(password);
    await this.users.update(me.id, { passwordHash, tokenVersion: () => '"token_version" + 1' });
    this.directory.forget(me.id);
    const fresh = await this.users.createQueryBuilder('u').addSelect('u.tokenVersion').where('u.id = :id', { id: me.id }).getOneOrFail();
    const token = await this.jwt.signAsync({ sub: fresh.id, role: fresh.role, tv: fresh.tokenVersion });
    return { token, user: publicUser(fresh) };
  }

  /** Ends every session of the user, on every device: tokens signed before now answer 401. */
  async logout(user: AuthUser): Promise<void> {
    await this.users.increment({ id: user.id }, 'tokenVersion', 1);
    this.directory.forget(user.id);
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
