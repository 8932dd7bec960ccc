import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsLatitude, IsLongitude, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PHONE } from '../../residents/dto/resident.dto.js';
import { CASE_TYPES, PRIORITIES, type CaseType, type Priority } from '../case.constants.js';
import { explain, OmitOrSet } from '../../common/validation.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCaseDto {
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @OmitOrSet()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @IsIn(CASE_TYPES)
  type: CaseType;

  @IsInt()
  channelId: number;

  @IsInt()
  categoryId: number;

  @IsInt()
  gridUnitId: number;

  @OmitOrSet()
  @IsIn(PRIORITIES)
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
  @Matches(PHONE, explain('phoneFormat'))
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
  @OmitOrSet()
  @IsString()
  receivedAt?: string;
}

/** Corrections of what was logged; everything else changes only through workflow actions. */
export class UpdateCaseDto {
  @OmitOrSet()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @OmitOrSet()
  @IsString()
  @MaxLength(5000)
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
  @Matches(PHONE, explain('phoneFormat'))
  reporterPhone?: string | null;

  @IsOptional()
  @IsLatitude()
  lat?: number | null;

  @IsOptional()
  @IsLongitude()
  lng?: number | null;

  /** The version the editor saw: a stale one is refused (409). */
  @OmitOrSet()
  @IsInt()
  version?: number;
}

/** 并入此件 at intake: a new request, logged and at once merged into an open case that carries the work. */
export class IntakeMergeDto extends CreateCaseDto {
  @IsInt()
  mergeIntoCaseId: number;
}

/** A consultation logged and answered with a knowledge-base article at once (用此答复). */
export class IntakeAnswerDto extends CreateCaseDto {
  @IsInt()
  articleId: number;
}
