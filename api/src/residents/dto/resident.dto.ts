import { PartialType } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { RESIDENT_TAGS, type ResidentTag } from '../resident.entity.js';
import { explain, OmitOrSet } from '../../common/validation.js';

export const PHONE = /^(\+?86)?1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$|^\d{3,8}$/;

export class CreateResidentDto {
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name: string;

  @IsOptional()
  @Matches(PHONE, explain('phoneFormat'))
  phone?: string | null;

  @IsInt()
  gridUnitId: number;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string | null;

  @OmitOrSet()
  @IsArray()
  @ArrayUnique()
  @IsIn(RESIDENT_TAGS, { each: true })
  tags?: ResidentTag[];
}

export class UpdateResidentDto extends PartialType(CreateResidentDto) {}
