import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsLatitude, IsLongitude, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PHONE } from '../../residents/dto/resident.dto.js';
import { CASE_TYPES, PRIORITIES, type CaseType, type Priority } from '../case.constants.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCaseDto {
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000, { message: 'description must be at most 5000 characters' })
  description?: string;

  @IsIn(CASE_TYPES, { message: `type must be one of ${CASE_TYPES.join(', ')}` })
  type: CaseType;

  @IsInt()
  channelId: number;

  @IsInt()
  categoryId: number;

  @IsInt()
  gridUnitId: number;

  @IsOptional()
  @IsIn(PRIORITIES, { message: `priority must be one of ${PRIORITIES.join(', ')}` })
  priority?: Priority;

  @IsOptional()
  @IsInt()
  residentId?: number | null;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  reporterName?: string | null;

  @IsOptional()
  @Matches(PHONE, { message: 'reporterPhone must be a mobile (13812341234) or landline (0971-1234567) number' })
  reporterPhone?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string | null;

  @IsOptional()
  @IsLatitude()
  lat?: number | null;

  @IsOptional()
  @IsLongitude()
  lng?: number | null;

  /** When the request actually came in, with offset; not in the future. Defaults to now. */
  @IsOptional()
  @IsString()
  receivedAt?: string;
}

/** Corrections of what was logged; everything else changes only through workflow actions. */
export class UpdateCaseDto {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title?: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000, { message: 'description must be at most 5000 characters' })
  description?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string | null;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  reporterName?: string | null;

  @IsOptional()
  @Matches(PHONE, { message: 'reporterPhone must be a mobile (13812341234) or landline (0971-1234567) number' })
  reporterPhone?: string | null;

  @IsOptional()
  @IsLatitude()
  lat?: number | null;

  @IsOptional()
  @IsLongitude()
  lng?: number | null;

  /** The version the editor saw: a stale one is refused (409). */
  @IsOptional()
  @IsInt()
  version?: number;
}

/** 并入此件 at intake: a new request, logged and at once merged into an open case that carries the work. */
export class IntakeMergeDto extends CreateCaseDto {
  @IsInt()
  mergeIntoCaseId: number;
}
