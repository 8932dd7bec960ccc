import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, ErrorCode } from '../common/errors.js';
import { render, text, type Locale } from '../common/localize.js';
import { namedQuery } from '../common/named-query.js';
import { maskContactsInText } from '../common/privacy.js';
import { isoInZone } from '../common/time.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { PublicDirectory } from '../public/public-directory.js';
import { georeportStatus, STATUS_NOTE_ACTIONS } from './open311-status.js';
import { dateWindow, paging, requestIds, statuses, textParam } from './open311-query.js';
import { PublicTimelines } from './public-timelines.js';

interface CaseRow {
  id: number;
  number: string;
  status: string;
  categoryId: number;
  description: string;
  departmentId: number | null;
  gridUnitId: number;
  communityId: number | null;
  lat: number | null;
  lng: number | null;
  receivedAt: Date | string;
  updatedAt: Date | string;
  resolveDueAt: Date | string;
}

/** The columns a request is shown from: never the reporter, the phone nor the address. */
const COLUMNS = `c."id", c."number", c."status", c."category_id" AS "categoryId", c."description", c."department_id" AS "departmentId",
  c."grid_unit_id" AS "gridUnitId", c."community_id" AS "communityId", c."lat", c."lng", c."received_at" AS "receivedAt",
  c."updated_at" AS "updatedAt", c."resolve_due_at" AS "resolveDueAt"`;

const round3 = (v: number | string | null) => (v === null ? null : Math.round(Number(v) * 1000) / 1000);

/**
 * GeoReport v2's `requests` (list, one, by token), read-only. Only requests of public categories are shown,
 * newest first, and only what anyone may read: status, the public reply, the unit, the community or compound
 * (never the resident's address), a position to 3 decimals (about 100 m), the description with phone and
 * identity-card numbers masked.
 */
@Injectable()
export class Open311Requests {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: PublicDirectory,
    private readonly timelines: PublicTimelines,
  ) {}

  /**
   * `service_request_id` (a list) overrides every other filter, as the spec says; otherwise `service_code`,
   * `status` and the `start_date`/`end_date` window on the time received, along idx_cases_received (or
   * idx_cases_category_received for one service).
   */
  async list(q: Record<string, unknown>, locale: Locale) {
    const categories = await this.directory.listedCategories();
    const ids = requestIds(q.service_request_id);
    const page = paging(q);
    if (ids) return this.present(ids.length ? await this.rows(`c."number" IN (:...ids)`, { ids }, categories, page.limit, page.offset) : [], categories, locale);
    const { start, end } = dateWindow(q, this.config.timeZone);
    const wanted = statuses(q.status);
    const where = [`c."received_at" >= :start`, `c."received_at" <= :end`];
    const params: Record<string, unknown> = { start, end };
    const code = textParam('service_code', q.service_code);
    if (code !== undefined) {
      const category = [...categories].find(([, c]) => c.code === code);
      if (!category) return [];
      where.push(`c."category_id" = :category`);
      params.category = category[0];
    }
    if (wanted) {
      where.push(`c."status" IN (:...statuses)`);
      params.statuses = wanted;
    }
    return this.present(await this.rows(where.join(' AND '), params, categories, page.limit, page.offset), categories, locale);
  }

  /** `requests/{id}`: the request whose number this is, as a list of one; 404 otherwise. */
  async one(number: string, locale: Locale) {
    const categories = await this.directory.listedCategories();
    const rows = await this.rows(`c."number" = :number`, { number }, categories, 1, 0);
    if (!rows.length) throw new AppError(ErrorCode.NotFound, text('open311NoRequest', { id: number }));
    return this.present(rows, categories, locale);
  }

  /** `tokens/{token}`: the request a POST's token stands for. */
  async byToken(token: string) {
    const [row] = await namedQuery<{ number: string }>(this.ds, `SELECT c."number" FROM "case_sources" s JOIN "cases" c ON c."id" = s."case_id" WHERE s."token" = :token`, { token });
    if (!row) throw new AppError(ErrorCode.NotFound, text('open311NoToken', { token }));
    return [{ service_request_id: row.number, token }];
  }

  private rows(where: string, params: Record<string, unknown>, categories: Map<number, unknown>, limit: number, offset: number): Promise<CaseRow[]> {
    if (!categories.size) return Promise.resolve([]);
    return namedQuery<CaseRow>(
      this.ds,
      `SELECT ${COLUMNS} FROM "cases" c WHERE ${where} AND c."category_id" IN (:...listed) ORDER BY c."received_at" DESC, c."id" DESC LIMIT :limit OFFSET :offset`,
      { ...params, listed: [...categories.keys()], limit, offset },
    );
  }

  private async present(rows: CaseRow[], categories: Map<number, { code: string; name: string }>, locale: Locale) {
    const { steps, units } = await this.timelines.of(rows.map((r) => Number(r.id)));
    const places = await this.places(rows);
    return rows.map((r) => {
      const note = [...(steps.get(Number(r.id)) ?? [])].reverse().find((s) => STATUS_NOTE_ACTIONS.has(s.action));
      const category = categories.get(Number(r.categoryId));
      const place = places.get(Number(r.gridUnitId)) ?? (r.communityId !== null ? places.get(Number(r.communityId)) : undefined);
      return {
        service_request_id: r.number,
        status: georeportStatus(r.status),
        status_notes: note ? render(note.text, locale) : null,
        service_name: category?.name ?? null,
        service_code: category?.code ?? null,
        description: maskContactsInText(r.description ?? ''),
        agency_responsible: r.departmentId !== null ? (units.get(Number(r.departmentId)) ?? null) : null,
        service_notice: null,
        requested_datetime: this.iso(r.receivedAt),
        updated_datetime: this.iso(r.updatedAt),
        expected_datetime: this.iso(r.resolveDueAt),
        address: place?.name ?? null,
        address_id: place ? String(place.id) : null,
        zipcode: null,
        lat: round3(r.lat),
        long: round3(r.lng),
        media_url: null,
      };
    });
  }

  /** The place a request is shown at: its compound (named with its community), else its community, else its own unit. */
  private async places(rows: CaseRow[]): Promise<Map<number, { id: number; name: string }>> {
    const ids = [...new Set(rows.flatMap((r) => [Number(r.gridUnitId), ...(r.communityId !== null ? [Number(r.communityId)] : [])]))];
    if (!ids.length) return new Map();
    const units = await namedQuery<{ id: number; name: string; level: string }>(this.ds, `SELECT "id", "name", "level" FROM "grid_units" WHERE "id" IN (:...ids)`, { ids });
    const byId = new Map(units.map((u) => [Number(u.id), u]));
    const shown = new Map<number, { id: number; name: string }>();
    for (const r of rows) {
      const unit = byId.get(Number(r.gridUnitId));
      const community = r.communityId !== null ? byId.get(Number(r.communityId)) : undefined;
      if (!unit) continue;
      if (unit.level === 'compound') shown.set(Number(unit.id), { id: Number(unit.id), name: community ? `${community.name}${unit.name}` : unit.name });
      else if (community) shown.set(Number(unit.id), { id: Number(community.id), name: community.name });
      else shown.set(Number(unit.id), { id: Number(unit.id), name: unit.name });
    }
    return shown;
  }

  /** ISO 8601 with the offset of the server's TIME_ZONE, as the spec's examples write times. */
  private iso(v: Date | string | null): string | null {
    return v === null ? null : isoInZone(v, this.config.timeZone);
  }
}
