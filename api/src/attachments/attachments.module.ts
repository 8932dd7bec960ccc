import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { AttachmentsController, CaseAttachmentsController } from './attachments.controller.js';
import { AttachmentsService } from './attachments.service.js';
import { fileStorageProvider } from './storage/storage.provider.js';

@Module({ imports: [CasesModule], controllers: [AttachmentsController, CaseAttachmentsController], providers: [AttachmentsService, fileStorageProvider], exports: [AttachmentsService] })
export class AttachmentsModule {}
