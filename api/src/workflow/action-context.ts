import type { EntityManager } from 'typeorm';
import { CaseEvent } from '../cases/case-event.entity.js';
import type { Case } from '../cases/case.entity.js';
import { GridUnit } from '../grid/grid-unit.entity.js';
import type { Gate } from './policy.js';
import type { Action } from './transitions.js';

type Rating = { resolved: boolean; satisfaction: string };

/** The case as the gates read it: with whether its community rules on its own returns (only asked of returned cases). */
export async function gateOf(m: EntityManager, c: Case): Promise<Case & Gate> {
  if (c.status !== 'returned' || c.communityId === null) return c;
  const community = await m.getRepository(GridUnit).findOne({ where: { id: c.communityId }, select: { id: true, rulesReturns: true } });
  return Object.assign(c, { rulesReturns: !!community?.rulesReturns });
}

const latest = (m: EntityManager, caseId: number, action: string) =>
  m.getRepository(CaseEvent).findOne({ where: { caseId, action }, order: { id: 'DESC' } });

/**
 * The rating an appeal is about: for `appeal`, the case's last unsatisfied or unresolved follow-up; for a
 * ruling, the one the pending appeal named.
 */
export async function appealedRating(m: EntityManager, c: Case, action: Action): Promise<Rating | null | undefined> {
  if (action === 'uphold_appeal' || action === 'reject_appeal') {
    return ((await latest(m, c.id, 'appeal'))?.data as { rating?: Rating } | null)?.rating ?? null;
  }
  if (action !== 'appeal') return undefined;
  const ratings = await m.getRepository(CaseEvent).find({ where: { caseId: c.id, action: 'follow_up' }, order: { id: 'DESC' }, take: 20 });
  const bad = ratings.map((e) => e.data as Rating | null).find((r) => r && (!r.resolved || r.satisfaction === 'unsatisfied'));
  return bad ? { resolved: bad.resolved, satisfaction: bad.satisfaction } : null;
}

/**
 * What a ruling decides on, shown beside its buttons: the pause asked for (reason, note, hoped-for date) or
 * the appeal (reason, evidence, level, the rating contested).
 */
export async function pendingRequest(m: EntityManager, c: Case, allowed: readonly Action[]) {
  if (allowed.includes('approve_pause') || allowed.includes('reject_pause')) {
    const asked = await latest(m, c.id, 'request_pause');
    const d = (asked?.data ?? {}) as { reason?: string; resumeOn?: string | null };
    return { for: ['approve_pause', 'reject_pause'], request: { reason: d.reason ?? null, note: asked?.note ?? null, resumeOn: c.resumeOn, requestedAt: asked?.createdAt ?? null } };
  }
  if (allowed.includes('uphold_appeal') || allowed.includes('reject_appeal')) {
    const asked = await latest(m, c.id, 'appeal');
    const d = (asked?.data ?? {}) as { reason?: string; level?: number; rating?: Rating };
    return { for: ['uphold_appeal', 'reject_appeal'], request: { reason: d.reason ?? null, note: asked?.note ?? null, level: d.level ?? c.appealLevel, appealedAt: asked?.createdAt ?? null, rating: d.rating ?? null } };
  }
  return null;
}
