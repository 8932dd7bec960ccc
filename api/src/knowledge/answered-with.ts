import type { EntityManager } from 'typeorm';
import { fieldError } from '../common/errors.js';
import { namedQuery } from '../common/named-query.js';
import { localDate } from '../common/time.js';

/**
 * "Answer with this" (close_directly {articleId}): the article must be in use and in force today; its result
 * defaults to saying which article answered (its text stays in the knowledge base, public or not).
 */
export async function answeredWith(m: EntityManager, articleId: number, timeZone: string): Promise<{ result: string }> {
  const today = localDate(new Date(), timeZone);
  const [a] = await namedQuery<{ title: string; active: boolean | number; validFrom: string | null; validUntil: string | null }>(
    m,
    `SELECT "title", "active", "valid_from" AS "validFrom", "valid_until" AS "validUntil" FROM "articles" WHERE "id" = :articleId`,
    { articleId },
  );
  if (!a) throw fieldError('articleId', 'doesNotExist', { id: String(articleId) });
  if (!a.active || (a.validFrom && a.validFrom > today) || (a.validUntil && a.validUntil < today)) throw fieldError('articleId', 'articleNotInForce');
  return { result: `已按知识库《${a.title}》解答` };
}
