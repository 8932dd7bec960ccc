import { PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { RESOLVE_UNITS, type ResolveUnit } from '../category.entity.js';
import { explain, OmitOrSet } from '../../common/validation.js';

const hours = () => [IsOptional(), IsNumber({ allowNaN: false, allowInfinity: false }), Min(0.25), Max(24 * 366)];
const apply = (decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));

export class CreateCategoryDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @Matches(/^[A-Za-z0-9_.-]{1,50}$/, explain('codeFormat'))
  code: string;

  @IsOptional()
  @IsInt()
  parentId?: number | null;

  @IsOptional()
  @IsInt()
  departmentId?: number | null;

  @apply(hours())
  signForHours?: number | null;

  @apply(hours())
  responseHours?: number | null;

  /** Hours, or a whole number of working days (checked with the unit). */
  @apply(hours())
  resolveLimit?: number | null;

  @IsOptional()
  @IsIn(RESOLVE_UNITS)
  resolveUnit?: ResolveUnit | null;

  @apply(hours())
  urgentSignForHours?: number | null;

  @apply(hours())
  urgentResponseHours?: number | null;

  @apply(hours())
  urgentResolveHours?: number | null;

  @OmitOrSet()
  @IsInt()
  sort?: number;

  @OmitOrSet()
  @IsBoolean()
  active?: boolean;

  /** Offered on the public page and through Open311. */
  @OmitOrSet()
  @IsBoolean()
  public?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  keywords?: string | null;
}

export class UpdateCategoryDto extends PartialType(CreateCategoryDto) {}
