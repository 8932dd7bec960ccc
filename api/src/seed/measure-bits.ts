/**
 * `measure_bits` of generated cases as the database computes it (cases/case-measures.ts), for the bulk
 * writer to store with each row: SQLite's insert trigger (MeasureBits migration) then finds nothing to
 * correct, where its UPDATE of every case just written was a tenth of the writing. Evaluated by SQLite
 * itself, in memory in the generator's worker, with the same expression over the values as they are
 * stored: the measures have no second, JavaScript copy to drift from the first.
 */
import Database from 'better-sqlite3';
import { MEASURE_COLUMNS, measureBitsSql, overBoundRow } from '../cases/case-measures.js';

export class MeasureBits {
  private readonly db = new Database(':memory:');
  private readonly bits: Database.Statement;

  constructor() {
    this.bits = this.db.prepare(overBoundRow(measureBitsSql('sqlite'), MEASURE_COLUMNS)!).pluck();
  }

  /**
   * For rows of these columns: the bits of the row whose values start at `offset`. Null when a column
   * the measures read is not written (it takes its default in the database): the trigger computes them then.
   */
  forColumns(columns: readonly string[]): ((values: readonly unknown[], offset: number) => number) | null {
    const at = MEASURE_COLUMNS.map((c) => columns.indexOf(c));
    if (at.includes(-1)) return null;
    const args = new Array<unknown>(at.length);
    return (values, offset) => {
      for (let i = 0; i < at.length; i++) args[i] = values[offset + at[i]];
      return this.bits.get(...args) as number;
    };
  }

  close() {
    this.db.close();
  }
}
