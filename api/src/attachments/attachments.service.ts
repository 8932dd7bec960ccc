import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Case } from '../cases/case.entity.js';
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

/** A file checked and stored, not yet named by a row. */
export interface StagedFile {
  key: string;
  sha256: string;
  mime: string;
  size: number;
  fileName: string;
}

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
    const [staged] = await this.stage([{ bytes: file.buffer, name: file.originalname }], String(caseId));
    try {
      const [id] = await this.ds.transaction((m) => this.record(m, c, staged, stage, note, user.id));
      return this.get(id, user);
    } catch (err) {
      await this.discard(staged);
      throw err;
    }
  }

  /**
   * Files checked by their content and stored, before any row names them (a row never names a file that is
   * not there); `folder` is the case's id, or `public` for photos sent with a request not yet written.
   * A file of the wrong type is refused (400 naming `field`) before anything is stored.
   */
  async stage(files: { bytes: Buffer; name?: string }[], folder: string, field = 'file'): Promise<StagedFile[]> {
    const typed = [];
    for (const [i, f] of files.entries()) {
      const type = await detectType(f.bytes).catch((err) => {
        throw field === 'file' ? err : fieldError(field, 'publicPhoto', { n: i + 1 });
      });
      typed.push({ ...f, type });
    }
    const staged: StagedFile[] = [];
    for (const f of typed) {
      const stored = newFileKey(folder, f.type.ext, f.bytes);
      await this.storage.put(stored.key, f.bytes);
      staged.push({ key: stored.key, sha256: stored.sha256, mime: f.type.mime, size: f.bytes.length, fileName: cleanFileName(f.name, f.type.ext) });
    }
    return staged;
  }

  /** Stored files recorded on a case with their timeline events, inside the caller's transaction. */
  async record(m: EntityManager, c: Pick<Case, 'id' | 'status'>, staged: StagedFile | StagedFile[], stage: AttachmentStage, note: string | null, actorId: number | null): Promise<number[]> {
    const ids: number[] = [];
    for (const f of Array.isArray(staged) ? staged : [staged]) {
      const values = { caseId: c.id, stage, fileName: f.fileName, mimeType: f.mime, size: f.size, sha256: f.sha256, storageKey: f.key, note, uploadedById: actorId };
      const attachmentId = (await m.insert(Attachment, values)).identifiers[0].id as number;
      const data = { attachmentId, fileName: f.fileName, stage, mimeType: f.mime, size: f.size };
      await appendEvents(m, c.id, [{ caseId: c.id, action: 'attach', fromStatus: c.status, toStatus: c.status, actorId, note, data, createdAt: new Date() }]);
      ids.push(attachmentId);
    }
    return ids;
  }

  /** Removes stored files whose rows were not saved. */
  async discard(staged: StagedFile | StagedFile[]) {
    for (const f of Array.isArray(staged) ? staged : [staged]) await this.storage.delete(f.key);
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
