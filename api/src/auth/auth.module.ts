import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { User } from '../users/user.entity.js';
import { UserDirectory } from '../users/user-directory.service.js';
import { RateLimiter } from '../common/rate-limiter.js';
import { PasswordHasher } from '../users/password-hasher.js';
import { AuthController } from './auth.controller.js';
import { LoginThrottle } from './login-throttle.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([User]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A key object, made once: given the text, jsonwebtoken first tries it as a PEM public key (and fails,
      // throwing) on every sign and verify, which cost more than the rest of an authenticated request.
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.jwtSecret)), signOptions: { expiresIn: config.jwtExpiresIn as never } }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, UserDirectory, PasswordHasher, RateLimiter, LoginThrottle, AuthGuard, { provide: APP_GUARD, useExisting: AuthGuard }],
  exports: [UserDirectory, PasswordHasher, RateLimiter],
})
export class AuthModule {}
