import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module.js';
import { PublicModule } from '../public/public.module.js';
import { Open311Controller } from './open311.controller.js';
import { Open311Intake } from './open311-intake.js';
import { Open311Requests } from './open311-requests.js';
import { Open311Services } from './open311-services.js';
import { Open311Updates } from './open311-updates.js';
import { PublicTimelines } from './public-timelines.js';

/** Open311 GeoReport v2 for integrators (issue 17): the residents' directory and intake, behind API keys. */
@Module({
  imports: [ApiKeysModule, PublicModule],
  controllers: [Open311Controller],
  providers: [Open311Services, Open311Requests, Open311Updates, Open311Intake, PublicTimelines],
})
export class Open311Module {}
