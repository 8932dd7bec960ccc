import { createHash, randomInt, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttachmentsService, type StagedFile } from '../attachments/attachments.service.js';
import type { CaseType } from '../cases/case.constants.js';
import type { Case } from '../cases/case.entity.js';
import { CasesService } from '../cases/cases.service.js';
import type { CreateCaseDto } from '../cases/dto/create-case.dto.js';
import { CaseSource, type CaseOrigin } from './case-source.entity.js';

/** What a request asked from outside (the public page, Open311) carries into intake. */
export interface OutsideRequest {
  origin: CaseOrigin;
  channelId: number;
  categoryId: number;
  gridUnitId: number;
  description: string;
  type?: CaseType;
  address?: string;
  lat?: number;
  lng?: number;
  reporterName?: string;
  reporterPhone?: string;
  company?: string;
  creditCode?: string;
  apiKeyId?: number;
  photos?: { bytes: Buffer; name?: string }[];
  /** Answer a follow code (the public page) and/or an Open311 token. */
  withSecret?: boolean;
  withToken?: boolean;
}

/** Letters and digits that cannot be read as one another (no 0/O, 1/I/L). */
const SECRET_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const SECRET_LENGTH = 6;

export const secretHash = (number: string, secret: string) => createHash('sha256').update(`${number}:${secret.trim().toUpperCase()}`).digest('hex');

/** A title for the lists, from the request's own words: its first line, at most 40 characters. */
export const titleOf = (description: string) => {
  const line = description.split(/[\r\n。！？!?]/).find((s) => s.trim())?.trim() ?? description.trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
};

/**
 * Logs a request asked from outside through the same intake as staff's (numbers, clocks, keyword index,
 * timeline), with no staff actor, in `received` for staff to accept or reject; its origin, follow code, token and
 * photos in the same transaction. Photos are checked and stored first, and removed if the request is not saved.
 */
@Injectable()
export class OutsideIntake {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cases: CasesService,
    private readonly attachments: AttachmentsService,
  ) {}

  async submit(r: OutsideRequest): Promise<{ row: Case; secret: string | null; token: string | null }> {
    const staged: StagedFile[] = r.photos?.length ? await this.attachments.stage(r.photos, 'public', 'photos') : [];
    const secret = r.withSecret ? Array.from({ length: SECRET_LENGTH }, () => SECRET_ALPHABET[randomInt(SECRET_ALPHABET.length)]).join('') : null;
    const token = r.withToken ? randomUUID() : null;
    const dto: CreateCaseDto = {
      title: titleOf(r.description),
      description: r.description,
      type: r.type ?? 'help',
      channelId: r.channelId,
      categoryId: r.categoryId,
      gridUnitId: r.gridUnitId,
      reporterName: r.reporterName ?? (r.company || undefined),
      reporterPhone: r.reporterPhone,
      address: r.address,
      lat: r.lat,
      lng: r.lng,
    };
    try {
      const row = await this.ds.transaction(async (m) => {
        const row = await this.cases.createIn(m, dto, null, r.origin);
        const source = { caseId: row.id, origin: r.origin, secretHash: secret ? secretHash(row.number, secret) : null, apiKeyId: r.apiKeyId ?? null, token, company: r.company ?? null, creditCode: r.creditCode ?? null };
        await m.insert(CaseSource, source);
        if (staged.length) await this.attachments.record(m, row, staged, 'before', null, null);
        return row;
      });
      return { row, secret, token };
    } catch (err) {
      await this.attachments.discard(staged);
      throw err;
    }
  }
}
