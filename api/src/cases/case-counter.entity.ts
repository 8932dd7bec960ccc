import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last serial used on a day: case numbers are `YYYYMMDD-NNNN`, unique under concurrent intake. */
@Entity('case_counters')
export class CaseCounter {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  day: string;

  @Column({ type: 'integer' })
  last: number;
}
