import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ApiKeyGate } from './api-key-gate.js';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysService } from './api-keys.service.js';

/** Integrators' keys: the admins' resource, and the gate Open311 checks each call's key at. */
@Module({ imports: [AuthModule], controllers: [ApiKeysController], providers: [ApiKeysService, ApiKeyGate], exports: [ApiKeyGate] })
export class ApiKeysModule {}
