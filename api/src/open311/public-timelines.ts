import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { namedQuery } from '../common/named-query.js';
import { instantMs } from '../common/time.js';
import { publicSteps, type PublicStep } from '../public/public-timeline.js';

interface EventRow {
  id: number;
  caseId: number;
  action: string;
  toStatus: string;
  visibility: 'public' | 'internal' | null;
  note: string | null;
  data: unknown;
  createdAt: Date | string;
}

export interface CaseTimelines {
  /** Each case's public steps, oldest first, each with its entry's id and the status it led to. */
  steps: Map<number, (PublicStep & { toStatus: string })[]>;
  /** Responsible units' names by id. */
  units: Map<number, string>;
}

/**
 * The public part of a page of cases' timelines, read in one query along idx_case_events_case, as the residents'
 * page shows them (public-timeline.ts): what Open311's `status_notes` and `servicerequestupdates` are made of.
 */
@Injectable()
export class PublicTimelines {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async of(caseIds: number[]): Promise<CaseTimelines> {
    const departments: { id: number; name: string }[] = await this.ds.query(`SELECT "id", "name" FROM "departments"`);
    const units = new Map(departments.map((d) => [Number(d.id), d.name]));
    const steps = new Map<number, (PublicStep & { toStatus: string })[]>();
    if (!caseIds.length) return { steps, units };
    const rows = await namedQuery<EventRow>(
      this.ds,
      `SELECT "id", "case_id" AS "caseId", "action", "to_status" AS "toStatus", "visibility", "note", "data", "created_at" AS "createdAt"
       FROM "case_events" WHERE "case_id" IN (:...ids) ORDER BY "case_id", "id"`,
      { ids: caseIds },
    );
    const byCase = new Map<number, EventRow[]>();
    for (const r of rows) {
      const id = Number(r.caseId);
      if (!byCase.has(id)) byCase.set(id, []);
      byCase.get(id)!.push(r);
    }
    for (const [caseId, events] of byCase) {
      const toStatus = new Map(events.map((e) => [Number(e.id), e.toStatus]));
      const entries = events.map((e) => ({ ...e, id: Number(e.id), data: typeof e.data === 'string' ? JSON.parse(e.data) : e.data, createdAt: new Date(instantMs(e.createdAt)) }));
      steps.set(caseId, publicSteps(entries, (id) => units.get(id)).map((s) => ({ ...s, toStatus: toStatus.get(s.id!) ?? '' })));
    }
    return { steps, units };
  }
}
