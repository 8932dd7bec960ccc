import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { fieldError } from '../common/errors.js';
import { namedQuery } from '../common/named-query.js';

interface EntryRow {
  id: number;
  code: string;
  name: string;
  group: string;
}

/**
 * What the public may read to ask: the entry points, the public categories and the places (communities and
 * compounds, names only). Small tables read as they are, so a change in the console shows at once on every
 * instance.
 */
@Injectable()
export class PublicDirectory {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async entries() {
    const rows = await this.entryRows();
    return rows.map((r) => ({ code: r.code, name: r.name, enterprise: r.group === 'enterprise' }));
  }

  /** The entry a request names (400 naming `entry` when it is not open), or the first residents' one. */
  async entry(code: string | undefined): Promise<EntryRow> {
    const rows = await this.entryRows();
    const found = code === undefined ? (rows.find((r) => r.group !== 'enterprise') ?? rows[0]) : rows.find((r) => r.code === code);
    if (!found) throw fieldError('entry', 'publicNoEntry', { value: code ?? '' });
    return found;
  }

  /** Public categories a request can be filed under (those without public children), each with its top level as group. */
  async categories() {
    const rows: { id: number; code: string; name: string; fullName: string; parentId: number | null; path: string; keywords: string | null }[] = await this.ds.query(
      `SELECT "id", "code", "name", "full_name" AS "fullName", "parent_id" AS "parentId", "path", "keywords" FROM "categories" WHERE "active" = TRUE AND "public" = TRUE ORDER BY "path", "sort", "id"`,
    );
    const names = new Map(rows.map((r) => [Number(r.id), r.name]));
    const parents = new Set(rows.map((r) => r.parentId).filter((p) => p !== null).map(Number));
    return rows
      .filter((r) => !parents.has(Number(r.id)))
      .map((r) => {
        const top = Number(r.path.split('/').filter(Boolean)[0]);
        return { id: Number(r.id), code: r.code, name: r.name, fullName: r.fullName, group: names.get(top) ?? r.name, keywords: r.keywords ? r.keywords.split(/[,，\s]+/).filter(Boolean) : [] };
      });
  }

  /**
   * Every category whose requests the public may read about (Open311's lists), by id: public ones, parents and
   * disabled ones included, since requests filed under them stay public.
   */
  async listedCategories(): Promise<Map<number, { code: string; name: string }>> {
    const rows: { id: number; code: string; name: string }[] = await this.ds.query(`SELECT "id", "code", "name" FROM "categories" WHERE "public" = TRUE`);
    return new Map(rows.map((r) => [Number(r.id), { code: r.code, name: r.name }]));
  }

  /** Communities and their compounds, names only; a compound names its community as its parent. */
  async places() {
    const rows: { id: number; name: string; level: string; path: string }[] = await this.ds.query(`SELECT "id", "name", "level", "path" FROM "grid_units" WHERE "level" IN ('community', 'compound') ORDER BY "path", "sort", "id"`);
    const communities = new Set(rows.filter((r) => r.level === 'community').map((r) => Number(r.id)));
    return rows.map((r) => {
      const ancestors = r.path.split('/').filter(Boolean).map(Number);
      const community = r.level === 'compound' ? ([...ancestors].reverse().find((id) => communities.has(id)) ?? null) : null;
      return { id: Number(r.id), name: r.name, level: r.level, parentId: community };
    });
  }

  /** The compound nearest a point (a device's location), or null when no compound has a position. */
  async nearestCompound(lat: number, lng: number): Promise<number | null> {
    const [row] = await namedQuery<{ id: number }>(
      this.ds,
      `SELECT "id" FROM "grid_units" WHERE "level" = 'compound' AND "lat" IS NOT NULL AND "lng" IS NOT NULL ORDER BY ("lat" - :lat) * ("lat" - :lat) + ("lng" - :lng) * ("lng" - :lng) LIMIT 1`,
      { lat, lng },
    );
    return row ? Number(row.id) : null;
  }

  private entryRows(): Promise<EntryRow[]> {
    return this.ds.query(`SELECT "id", "code", "name", "group" FROM "channels" WHERE "active" = TRUE AND "public_entry" = TRUE ORDER BY "sort", "id"`).then((rows: EntryRow[]) => rows.map((r) => ({ ...r, id: Number(r.id) })));
  }
}
