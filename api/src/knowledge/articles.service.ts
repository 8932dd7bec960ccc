import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Category } from '../categories/category.entity.js';
import { CrudService, RequestContext } from '../common/crud.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { conflict, fieldError } from '../common/errors.js';
import { text, words } from '../common/localize.js';
import type { ListSpec } from '../common/list-query.js';
import { namedQuery } from '../common/named-query.js';
import { localDate } from '../common/time.js';
import { Article } from './article.entity.js';
import type { CreateArticleDto, UpdateArticleDto } from './dto/knowledge.dto.js';

/** Suggestions shown at intake. */
const SUGGESTIONS = 5;

/** The words of a search, at most five, each at least one character: `供暖 收费` → ['供暖', '收费']. */
export const wordsOf = (q: string) => q.split(/[\s,，、。;；]+/).map((w) => w.trim()).filter(Boolean).slice(0, 5);

/**
 * Articles are few (hundreds, a few thousand), so a word is matched anywhere in the title or the body, as the
 * case index matches Chinese words (any run of characters), without an index of their own.
 */
const matchesAll = (alias: string, words: string[], param: (v: unknown) => string) =>
  words.map((w) => `(${alias}.title LIKE ${param(`%${w}%`)} OR ${alias}.body LIKE ${param(`%${w}%`)})`).join(' AND ');

@Injectable()
export class ArticlesService extends CrudService<Article, CreateArticleDto, UpdateArticleDto> {
  protected readonly label = 'Article';
  protected override readonly disablable = true;
  protected readonly spec: ListSpec<RequestContext> = {
    alias: 'ar',
    defaultSort: ['id', 'DESC'],
    fields: {
      id: { type: 'int' },
      title: { type: 'string' },
      categoryId: { type: 'int' },
      validFrom: { type: 'string' },
      validUntil: { type: 'string' },
      public: { type: 'boolean' },
      active: { type: 'boolean' },
      uses: { type: 'int' },
      updatedAt: { type: 'instant' },
    },
    search: (qb, term, param) => {
      const words = wordsOf(term);
      if (words.length) qb.andWhere(matchesAll('ar', words, param));
    },
  };

  constructor(@InjectDataSource() ds: DataSource) {
    super(ds, ds.getRepository(Article));
  }

  protected override async prepare(dto: Record<string, unknown>, before: Article | undefined, m: EntityManager) {
    const from = (dto.validFrom ?? before?.validFrom) as string | null | undefined;
    const until = (dto.validUntil ?? before?.validUntil) as string | null | undefined;
    if (from && until && until < from) throw fieldError('validUntil', 'notBefore', { other: words('field', 'validFrom') });
    if (dto.categoryId != null) await this.mustExist(m, Category, 'categoryId', dto.categoryId);
    return dto as Partial<Article>;
  }

  /** An article that answered a consultation is named by that case's timeline: disabled, never deleted. */
  override async remove(id: number, user: AuthUser): Promise<unknown> {
    const a = await this.findOrThrow(id, user);
    if (a.uses > 0) throw conflict('stillReferencedDisable', { things: text('refCases', { count: a.uses }), what: words('record', 'Article') });
    return super.remove(id, user);
  }

  /**
   * What intake shows while a request is being logged: articles in force today, of its category or a category
   * above it (or of none), matching the words typed; those of the category itself and those used most first.
   */
  async suggest(categoryId: number | undefined, q: string | undefined) {
    const today = localDate(new Date(), this.config.timeZone);
    const params: Record<string, unknown> = { today };
    let categories: number[] = [];
    if (categoryId !== undefined) {
      const [cat] = await namedQuery<{ path: string }>(this.ds, `SELECT "path" FROM "categories" WHERE "id" = :categoryId`, { categoryId });
      categories = cat ? cat.path.split('/').filter(Boolean).map(Number) : [];
    }
    const words = wordsOf(q ?? '');
    let n = 0;
    const param = (v: unknown) => {
      params[`w${++n}`] = v;
      return `:w${n}`;
    };
    const conditions = [
      `a."active" = TRUE`,
      `(a."valid_from" IS NULL OR a."valid_from" <= :today)`,
      `(a."valid_until" IS NULL OR a."valid_until" >= :today)`,
      categories.length ? `(a."category_id" IS NULL OR a."category_id" IN (${categories.map((c) => param(c)).join(', ')}))` : 'TRUE',
      words.length ? matchesAll('a', words, param) : 'TRUE',
    ];
    const rows = await namedQuery<{ id: number; title: string; body: string; categoryId: number | null; public: boolean | number; uses: number }>(
      this.ds,
      `SELECT a."id", a."title", a."body", a."category_id" AS "categoryId", a."public", a."uses" FROM "articles" a WHERE ${conditions.join(' AND ')}
       ORDER BY CASE WHEN a."category_id" = ${categoryId !== undefined ? param(categoryId) : 'NULL'} THEN 0 ELSE 1 END, a."uses" DESC, a."id" DESC LIMIT ${SUGGESTIONS}`,
      params,
    );
    return rows.map((r) => ({ id: Number(r.id), title: r.title, excerpt: r.body.slice(0, 120), categoryId: r.categoryId === null ? null : Number(r.categoryId), public: !!r.public, uses: Number(r.uses) }));
  }
}
