import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { appendEvents } from '../timeline/append-events.js';
import { CasesService } from '../cases/cases.service.js';
import { CrudService, RequestContext } from '../common/crud.service.js';
import { AppError, ErrorCode, fieldError, forbidden } from '../common/errors.js';
import { text, words } from '../common/localize.js';
import type { ListSpec } from '../common/list-query.js';
import { scopeThroughCase } from '../common/scope.js';
import { cleanFileName, detectType, newFileKey } from './attachment-files.js';
import { FILE_STORAGE, type FileStorage } from './storage/file-storage.js';
import { Attachment, ATTACHMENT_STAGES, type AttachmentStage } from './attachment.entity.js';
import type { UploadedFileData } from './upload.interceptor.js';

/** Photos and documents on cases: read by whoever sees the case, added by them too, never changed. */
@Injectable()
export class AttachmentsService extends CrudService<Attachment> {
  protected readonly label = 'Attachment';
  protected readonly spec: ListSpec<RequestContext> = {
    alias: 'a',
    defaultSort: ['id', 'ASC'],
    fields: {
      id: { type: 'int' },
      caseId: { type: 'int' },
      stage: { type: 'string', values: ATTACHMENT_STAGES },
      mimeType: { type: 'string' },
      uploadedById: { type: 'int' },
      createdAt: { type: 'instant' },
    },
  };

  constructor(
    @InjectDataSource() ds: DataSource,
    private readonly cases: CasesService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {
    super(ds, ds.getRepository(Attachment));
  }

  protected override scope(qb: SelectQueryBuilder<Attachment>, ctx: RequestContext) {
    scopeThroughCase(qb, 'a.case', ctx.user);
  }

  protected override present(row: Attachment) {
    const { storageKey: _k, ...shown } = row;
    return shown;
  }

  /** Checks the file by its content, stores it, and records it with its timeline event in one transaction. */
  async upload(caseId: number, file: UploadedFileData | undefined, body: { stage?: unknown; note?: unknown }, user: AuthUser) {
    const c = await this.cases.findOrThrow(caseId, user);
    if (!file) throw fieldError('file', 'fileRequired');
    const stage = (body.stage ?? 'document') as AttachmentStage;
    if (!ATTACHMENT_STAGES.includes(stage)) throw fieldError('stage', 'oneOf', { values: words('stage', ATTACHMENT_STAGES) });
    const note = typeof body.note === 'string' && body.note.trim() ? body.note.trim().slice(0, 1000) : null;
    const type = await detectType(file.buffer);
    const fileName = cleanFileName(file.originalname, type.ext);
    // The bytes first, then the row that names them: a row never names a file that is not there.
    const stored = newFileKey(caseId, type.ext, file.buffer);
    await this.storage.put(stored.key, file.buffer);
    try {
      const id = await this.ds.transaction(async (m) => {
        const values = { caseId, stage, fileName, mimeType: type.mime, size: file.size, sha256: stored.sha256, storageKey: stored.key, note, uploadedById: user.id };
        const attachmentId = (await m.insert(Attachment, values)).identifiers[0].id as number;
        const data = { attachmentId, fileName, stage, mimeType: type.mime, size: file.size };
        await appendEvents(m, caseId, [{ caseId, action: 'attach', fromStatus: c.status, toStatus: c.status, actorId: user.id, note, data, createdAt: new Date() }]);
        return attachmentId;
      });
      return this.get(id, user);
    } catch (err) {
      await this.storage.delete(stored.key);
      throw err;
    }
  }

  /** The bytes, to whoever may see the case; a file gone from the storage is a 404 that says so. */
  async content(id: number, user: AuthUser): Promise<StreamableFile> {
    const a = await this.findOrThrow(id, user);
    const stream = await this.storage.get(a.storageKey);
    if (!stream) throw new AppError(ErrorCode.NotFound, text('attachmentFileMissing', { id: String(id) }));
    return new StreamableFile(stream, {
      type: a.mimeType,
      length: a.size,
      disposition: `inline; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
    });
  }

  override async create(): Promise<never> {
    throw forbidden('uploadByPost');
  }
  override async update(): Promise<never> {
    throw forbidden('attachmentsUnchangeable');
  }
  override async remove(): Promise<never> {
    throw forbidden('attachmentsStay');
  }
}
