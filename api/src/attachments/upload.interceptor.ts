import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify';
import { AppError, ErrorCode, fieldError } from '../common/errors.js';
import { text } from '../common/localize.js';
import { MAX_ATTACHMENT_BYTES } from './attachment-files.js';

// No `dest` or `storage`: the file is kept in memory (10 MB at most) for the content check.
// File names as UTF-8, as browsers send them (the default, latin1, garbles 维修后照片.png).
const FileUpload = FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 10 }, defParamCharset: 'utf8' });

/** Reads one multipart `file` (at most 10 MB) and says what was wrong with it on the `file` field. */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly files = new FileUpload();

  async intercept(context: ExecutionContext, next: CallHandler) {
    try {
      return await this.files.intercept(context, next);
    } catch (err) {
      if (!(err instanceof HttpException)) throw err;
      if (err.getStatus() === 413) throw new AppError(ErrorCode.PayloadTooLarge, text('fileTooLargeMessage', { max: 10 }), { file: text('fileTooLarge', { max: 10 }) });
      throw fieldError('file', 'uploadUnreadable');
    }
  }
}

/** The part of the uploaded file object used here. */
export interface UploadedFileData {
  originalname: string;
  buffer: Buffer;
  size: number;
}
