import type { SelectQueryBuilder } from 'typeorm';
import type { ParamNamer } from '../common/list-query.js';
import { sqliteConnection } from '../database/sqlite-connection.js';
import { flushSearchBacklog } from './search-backlog.js';

/**
 * Keeps cases that share at least one character pair with the text, through the keyword index: the
 * candidates a closeness score then ranks. Nothing is kept when the text has no pair.
 */
export function whereSharesPairs(qb: SelectQueryBuilder<any>, pairs: Set<string>, param: ParamNamer): void {
  if (pairs.size === 0) {
    qb.andWhere('1 = 0');
    return;
  }
  if (qb.connection.options.type === 'postgres') {
    const literal = `{${[...pairs].map((t) => `"${t}"`).join(',')}}`;
    qb.andWhere(`c.id IN (SELECT case_id FROM case_search WHERE tokens && ${param(literal)}::text[])`);
    return;
  }
  // Entries intake left for a moment later are written first, so a case is found as soon as it is logged.
  flushSearchBacklog(sqliteConnection(qb.connection));
  qb.andWhere(`c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ${param([...pairs].map((t) => `"${t}"`).join(' OR '))})`);
}
