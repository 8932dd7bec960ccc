import { PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsLatitude, IsLongitude, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { GRID_LEVELS, type GridLevel } from '../grid-unit.entity.js';
import { explain, OmitOrSet } from '../../common/validation.js';

export class CreateGridUnitDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,50}$/, explain('codeFormat'))
  code: string;

  @IsIn(GRID_LEVELS)
  level: GridLevel;

  @IsOptional()
  @IsInt()
  parentId?: number | null;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  leaderName?: string | null;

  @IsOptional()
  @Matches(/^[0-9+\- ]{3,30}$/, explain('phoneNumber'))
  leaderPhone?: string | null;

  @IsOptional()
  @IsLatitude()
  lat?: number | null;

  @IsOptional()
  @IsLongitude()
  lng?: number | null;

  @IsOptional()
  @IsObject()
  geometry?: Record<string, unknown> | null;

  @OmitOrSet()
  @IsInt()
  sort?: number;

  /** A community that rules on its own units' returns (its dispatchers, not only supervisors). */
  @OmitOrSet()
  @IsBoolean()
  rulesReturns?: boolean;
}

export class UpdateGridUnitDto extends PartialType(CreateGridUnitDto) {}
