import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { render, type Locale } from '../common/localize.js';
import { namedQuery } from '../common/named-query.js';
import { isoInZone } from '../common/time.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { PublicDirectory } from '../public/public-directory.js';
import { publicEntrySql } from '../public/public-timeline.js';
import { ACTIONS } from '../workflow/transitions.js';
import { updateStatus } from './open311-status.js';
import { dateWindow, paging } from './open311-query.js';
import { PublicTimelines } from './public-timelines.js';

/** Timeline actions a case's lifecycle is made of (the overdue scan's marks and the like are not updates). */
const LIFECYCLE = ['create', ...ACTIONS];

/**
 * FixMyStreet's `servicerequestupdates`: the public timeline entries of public categories' requests written in a
 * window (`start_date`/`end_date`, at most 90 days), oldest first, paged; each update's `status` is the
 * lifecycle step (open311-status.ts) and its `description` the sentence the residents' page shows.
 */
@Injectable()
export class Open311Updates {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: PublicDirectory,
    private readonly timelines: PublicTimelines,
  ) {}

  async list(q: Record<string, unknown>, locale: Locale) {
    const { start, end } = dateWindow(q, this.config.timeZone);
    const page = paging(q);
    const categories = await this.directory.listedCategories();
    if (!categories.size) return [];
    // Along idx_case_events_created: the window's entries in time order, the first page's worth that pass.
    const rows = await namedQuery<{ id: number; caseId: number; number: string }>(
      this.ds,
      `SELECT e."id", e."case_id" AS "caseId", c."number" FROM "case_events" e JOIN "cases" c ON c."id" = e."case_id"
       WHERE e."created_at" >= :start AND e."created_at" <= :end AND e."action" IN (:...actions) AND ${publicEntrySql('e')}
         AND c."category_id" IN (:...listed)
       ORDER BY e."created_at", e."id" LIMIT :limit OFFSET :offset`,
      { start, end, actions: LIFECYCLE, listed: [...categories.keys()], limit: page.limit, offset: page.offset },
    );
    const { steps } = await this.timelines.of([...new Set(rows.map((r) => Number(r.caseId)))]);
    const stepById = new Map([...steps.values()].flat().map((s) => [s.id!, s]));
    return rows.flatMap((r) => {
      const step = stepById.get(Number(r.id));
      if (!step) return [];
      return [
        {
          update_id: String(r.id),
          service_request_id: r.number,
          status: updateStatus(step.action, step.toStatus),
          updated_datetime: isoInZone(step.at, this.config.timeZone),
          description: render(step.text, locale),
          media_url: null,
        },
      ];
    });
  }
}
