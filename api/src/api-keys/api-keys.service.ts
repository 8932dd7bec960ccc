import { createHash, randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Channel } from '../channels/channel.entity.js';
import { CrudService, RequestContext } from '../common/crud.service.js';
import type { ListSpec } from '../common/list-query.js';
import { ApiKey } from './api-key.entity.js';
import type { CreateApiKeyDto, UpdateApiKeyDto } from './dto/api-key.dto.js';

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const KEY_PREFIX = 'o311_';
/** 32 base62 characters: about 190 bits, beyond guessing, so one unsalted sha256 is enough to keep. */
const KEY_RANDOM_LENGTH = 32;
/** What the console shows to tell keys apart: the fixed part and five random characters. */
const SHOWN_PREFIX_LENGTH = KEY_PREFIX.length + 5;

export const keyHashOf = (key: string) => createHash('sha256').update(key).digest('hex');

const newKey = () => KEY_PREFIX + Array.from({ length: KEY_RANDOM_LENGTH }, () => KEY_ALPHABET[randomInt(KEY_ALPHABET.length)]).join('');

/**
 * Integrators' keys for Open311, managed by admins. The key itself is answered once, on create, and never
 * kept: only its sha256. A delete revokes (the row stays: the requests logged with it point at it).
 */
@Injectable()
export class ApiKeysService extends CrudService<ApiKey, CreateApiKeyDto, UpdateApiKeyDto> {
  protected readonly label = 'ApiKey';
  protected readonly spec: ListSpec<RequestContext> = {
    alias: 'k',
    defaultSort: ['id', 'DESC'],
    fields: {
      id: { type: 'int' },
      name: { type: 'string' },
      prefix: { type: 'string' },
      channelId: { type: 'int' },
      perMinute: { type: 'int' },
      active: { type: 'boolean' },
      lastUsedAt: { type: 'instant' },
      revokedAt: { type: 'instant' },
      createdAt: { type: 'instant' },
    },
    search: (qb, term, param) => qb.andWhere(`(k.name LIKE ${param(`%${term}%`)} OR k.prefix LIKE ${param(`${term}%`)})`),
  };

  constructor(@InjectDataSource() ds: DataSource) {
    super(ds, ds.getRepository(ApiKey));
  }

  /** The new key, in `key`, this once; only its hash is written. */
  override async create(dto: CreateApiKeyDto, user: AuthUser): Promise<unknown> {
    const key = newKey();
    const id = await this.ds.transaction(async (m) => {
      const fields = await this.prepare(dto as unknown as Record<string, unknown>, undefined, m);
      const row = m.getRepository(ApiKey).create({ ...fields, keyHash: keyHashOf(key), prefix: key.slice(0, SHOWN_PREFIX_LENGTH) });
      return (await m.getRepository(ApiKey).save(row)).id;
    });
    return { ...(await this.shown(id, user) as object), key };
  }

  /** Revokes: the key stops working at once, and stays listed with the time it was revoked. */
  override async remove(id: number, user: AuthUser): Promise<unknown> {
    await this.findOrThrow(id, user);
    await this.ds
      .createQueryBuilder()
      .update(ApiKey)
      .set({ active: false, revokedAt: new Date(), version: () => 'version + 1' } as never)
      .where('id = :id AND revoked_at IS NULL', { id })
      .execute();
    return this.shown(id, user);
  }

  protected override async prepare(dto: Record<string, unknown>, _before: ApiKey | undefined, m: EntityManager): Promise<Partial<ApiKey>> {
    if (dto.channelId !== undefined) await this.mustExist(m, Channel, 'channelId', dto.channelId);
    return dto as Partial<ApiKey>;
  }
}
