import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { WorkflowModule } from '../workflow/workflow.module.js';
import { OutsideIntake } from './outside-intake.js';
import { CaseSourceController } from './case-source.controller.js';
import { PublicController } from './public.controller.js';
import { PublicDirectory } from './public-directory.js';
import { PublicGuard } from './public-guard.js';
import { PublicService } from './public.service.js';

/** Residents' and enterprises' own door (issue 17): ask, follow, rate; OutsideIntake is shared with Open311. */
@Module({
  imports: [AuthModule, CasesModule, AttachmentsModule, WorkflowModule],
  controllers: [PublicController, CaseSourceController],
  providers: [PublicDirectory, PublicGuard, OutsideIntake, PublicService],
  exports: [PublicDirectory, OutsideIntake],
})
export class PublicModule {}
