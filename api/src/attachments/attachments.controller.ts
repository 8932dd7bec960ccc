import { Body, Controller, Get, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import { CrudController, IdPipe } from '../common/crud.controller.js';
import { AttachmentsService } from './attachments.service.js';
import { UploadInterceptor, type UploadedFileData } from './upload.interceptor.js';

class NoWrite {}

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('attachments')
export class AttachmentsController extends CrudController({ resource: 'attachments', createDto: NoWrite, updateDto: NoWrite, write: ['admin'], deletable: false }) {
  constructor(readonly service: AttachmentsService) {
    super();
  }

  @Get(':id/content')
  content(@Param('id', IdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.service.content(id, user);
  }
}

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('cases')
export class CaseAttachmentsController {
  constructor(private readonly service: AttachmentsService) {}

  /** multipart/form-data: `file` (≤ 10 MB, photo or PDF), `stage` (before | after | document), `note`. */
  @Post(':id/attachments')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(UploadInterceptor)
  upload(@Param('id', IdPipe) id: number, @UploadedFile() file: UploadedFileData | undefined, @Body() body: Record<string, unknown>, @CurrentUser() user: AuthUser) {
    return this.service.upload(id, file, body ?? {}, user);
  }
}
