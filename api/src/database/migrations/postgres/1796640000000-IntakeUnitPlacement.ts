import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a new case stands in the grid tree (its unit's path, community and grid), read by intake's own write
 * statement on PostgreSQL (cases/intake-postgres.ts) rather than from what the instance read a moment before:
 * another instance may be moving the unit meanwhile. Every tree write first takes the tree's advisory lock
 * (72621020) alone, until it commits (GridService.beginWrite); the function takes it shared, until intake's
 * statement commits, so it waits for a tree write under way, or makes a tree write wait for it. Its query
 * then runs with a snapshot of its own, taken after the lock (a VOLATILE PL/pgSQL function's statements each
 * take one): it reads the tree as the last write left it, and a later move finds the new cases and moves
 * them along. Shared locks do not wait on one another, and an advisory lock lives in the lock table, not in
 * a row: intakes do not wait for intakes nor write to a row they all share.
 * SQLite writes one at a time and intake reads the tree inside its write lock: nothing to add there.
 */
export class IntakeUnitPlacement1796640000000 implements MigrationInterface {
  name = 'IntakeUnitPlacement1796640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION "grid_unit_placements"(units integer[])
      RETURNS TABLE (unit_id integer, path character varying, community_id integer, grid_id integer)
      LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock_shared(72621020);
        RETURN QUERY SELECT u.id, u.path,
          (SELECT a.id FROM grid_units a WHERE a.id = ANY (string_to_array(trim(BOTH '/' FROM u.path), '/')::integer[]) AND a.level = 'community' ORDER BY length(a.path) DESC LIMIT 1),
          (SELECT a.id FROM grid_units a WHERE a.id = ANY (string_to_array(trim(BOTH '/' FROM u.path), '/')::integer[]) AND a.level = 'grid' ORDER BY length(a.path) DESC LIMIT 1)
        FROM grid_units u WHERE u.id = ANY (units);
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION "grid_unit_placements"(integer[])`);
  }
}
