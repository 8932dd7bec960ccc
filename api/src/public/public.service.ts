import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, ErrorCode, fieldError } from '../common/errors.js';
import { text, words, type Locale, render } from '../common/localize.js';
import { namedQuery } from '../common/named-query.js';
import { instantMs } from '../common/time.js';
import { WorkflowService } from '../workflow/workflow.service.js';
import { TRANSITIONS } from '../workflow/transitions.js';
import type { PublicRatingDto, PublicRequestDto } from './dto/public-request.dto.js';
import { OutsideIntake, secretHash } from './outside-intake.js';
import { PublicDirectory } from './public-directory.js';
import { PublicGuard } from './public-guard.js';
import { publicSteps, type TimelineEntry } from './public-timeline.js';

const notFound = () => new AppError(ErrorCode.NotFound, text('publicNotFound'));

interface FollowedCase {
  id: number;
  number: string;
  status: string;
  categoryName: string;
  receivedAt: string | Date;
  secretHash: string | null;
}

/**
 * The residents' public API (CONTRACT.md): ask, follow by number and code, rate after the reply. No staff login;
 * every request goes through the guard's limits first, and nothing answered names staff or other people.
 */
@Injectable()
export class PublicService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly directory: PublicDirectory,
    private readonly guard: PublicGuard,
    private readonly intake: OutsideIntake,
    private readonly workflow: WorkflowService,
  ) {}

  async ask(dto: PublicRequestDto, address: string) {
    await this.guard.spendChallenge(dto.challenge, dto.nonce);
    await this.guard.countAsk(address, dto.phone);
    const entry = await this.directory.entry(dto.entry);
    const gridUnitId = dto.gridUnitId ?? (dto.lat !== undefined && dto.lng !== undefined ? await this.directory.nearestCompound(dto.lat, dto.lng) : null);
    if (gridUnitId === null) throw fieldError('gridUnitId', 'publicNoPlace');
    const publicCategory = (await this.directory.categories()).some((c) => c.id === dto.categoryId);
    if (!publicCategory) throw fieldError('categoryId', 'doesNotExist', { id: String(dto.categoryId) });
    const { row, secret } = await this.intake.submit({
      origin: entry.group === 'enterprise' ? 'enterprise' : 'public',
      channelId: entry.id,
      categoryId: dto.categoryId,
      gridUnitId,
      description: dto.description,
      address: dto.address,
      lat: dto.lat,
      lng: dto.lng,
      reporterName: dto.name,
      reporterPhone: dto.phone,
      company: dto.company,
      creditCode: dto.creditCode,
      photos: (dto.photos ?? []).map((p, i) => ({ bytes: photoBytes(p, i), name: `photo-${i + 1}` })),
      withSecret: true,
    });
    return { number: row.number, secret };
  }

  /** The request's status and public timeline; 404 for an unknown number or a wrong code alike. */
  async follow(number: string, secret: unknown, address: string, locale: Locale) {
    const c = await this.checked(number, secret, address);
    const events = await namedQuery<TimelineEntry & { createdAt: string | Date; data: unknown }>(
      this.ds,
      `SELECT "action", "visibility", "note", "data", "created_at" AS "createdAt" FROM "case_events" WHERE "case_id" = :id ORDER BY "id"`,
      { id: c.id },
    );
    const departments: { id: number; name: string }[] = await this.ds.query(`SELECT "id", "name" FROM "departments"`);
    const units = new Map(departments.map((d) => [Number(d.id), d.name]));
    const entries = events.map((e) => ({ ...e, data: typeof e.data === 'string' ? JSON.parse(e.data) : e.data, createdAt: new Date(instantMs(e.createdAt)) }));
    const rating = [...entries].reverse().find((e) => e.action === 'follow_up' && (e.data as { by?: string } | null)?.by === 'resident');
    const rated = rating?.data as { resolved: boolean; satisfaction: string } | undefined;
    return {
      number: c.number,
      status: c.status,
      statusText: render(text('publicStatus', { status: words('status', c.status) }), locale),
      category: c.categoryName,
      receivedAt: new Date(instantMs(c.receivedAt)),
      timeline: publicSteps(entries, (id) => units.get(id)).map((s) => ({ at: s.at, action: s.action, text: render(s.text, locale) })),
      canRate: TRANSITIONS.follow_up.from.includes(c.status as never),
      rating: rated ? { resolved: rated.resolved, satisfaction: rated.satisfaction, comment: rating?.note ?? null } : null,
    };
  }

  async rate(number: string, dto: PublicRatingDto, address: string) {
    const c = await this.checked(number, dto.secret, address);
    await this.workflow.followUpByResident(c.id, dto);
    const [after] = await namedQuery<{ status: string }>(this.ds, `SELECT "status" FROM "cases" WHERE "id" = :id`, { id: c.id });
    return { number: c.number, status: after.status };
  }

  /** The case behind a number and its code, counting a wrong code against the address and the number. */
  private async checked(number: string, secret: unknown, address: string): Promise<FollowedCase> {
    if (typeof number !== 'string' || number.length > 20) throw notFound();
    await this.guard.assertMayFollow(address, number);
    const [c] = await namedQuery<FollowedCase>(
      this.ds,
      `SELECT c."id", c."number", c."status", cat."name" AS "categoryName", c."received_at" AS "receivedAt", s."secret_hash" AS "secretHash"
       FROM "cases" c JOIN "case_sources" s ON s."case_id" = c."id" JOIN "categories" cat ON cat."id" = c."category_id" WHERE c."number" = :number`,
      { number },
    );
    if (!c || !c.secretHash || typeof secret !== 'string' || secretHash(number, secret) !== c.secretHash) {
      await this.guard.wrongCode(address, number);
      throw notFound();
    }
    return { ...c, id: Number(c.id) };
  }
}

/** A photo sent as a data URL (`data:image/…;base64,…`); its type is then checked by content, like any upload. */
function photoBytes(dataUrl: string, i: number): Buffer {
  const m = /^data:[\w.+/-]*;base64,([A-Za-z0-9+/=\s]+)$/.exec(dataUrl);
  if (!m) throw fieldError('photos', 'publicPhoto', { n: i + 1 });
  return Buffer.from(m[1], 'base64');
}
