import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateVisitDto {
  @IsInt()
  residentId: number;

  /** When it happened (ISO 8601 with offset); now when absent. Not in the future. */
  @IsOptional()
  @IsString()
  visitedAt?: string;

  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  note: string;

  /** A case logged from the visit (channel 网格巡查), one the visitor may see. */
  @IsOptional()
  @IsInt()
  caseId?: number | null;
}
