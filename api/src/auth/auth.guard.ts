import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AppError, ErrorCode, forbidden } from '../common/errors.js';
import { text, words } from '../common/localize.js';
import type { Role } from '../users/user.entity.js';
import type { AuthUser } from './auth-user.js';
import { UserDirectory } from '../users/user-directory.service.js';
import { IS_PUBLIC, ROLES } from './auth.decorators.js';

/** Every route needs a valid bearer token unless marked @Public(); @Roles() narrows who may call it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(UserDirectory) private readonly users: UserDirectory,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const user = await this.authenticate(req.headers?.authorization);
    req.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && user.role !== 'admin' && !roles.includes(user.role)) throw forbidden('needsRoles', { roles: words('role', roles) });
    return true;
  }

  /** The signed-in user of an `Authorization: Bearer …` header, or a 401 saying why not. */
  async authenticate(header: string | undefined): Promise<AuthUser> {
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new AppError(ErrorCode.Unauthorized, text('signInFirst'));
    let claims: { sub: number; tv?: number };
    try {
      claims = await this.jwt.verifyAsync<{ sub: number; tv?: number }>(token);
    } catch {
      throw new AppError(ErrorCode.Unauthorized, text('sessionExpired'));
    }
    const session = await this.users.session(claims.sub);
    if (!session) throw new AppError(ErrorCode.Unauthorized, text('accountGone'));
    // Signed before the user's last logout or password change (tokens from before versions count as 0).
    if ((claims.tv ?? 0) !== session.tokenVersion) throw new AppError(ErrorCode.Unauthorized, text('sessionExpired'));
    return session.user;
  }
}
