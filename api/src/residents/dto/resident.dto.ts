import { PartialType } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { RESIDENT_TAGS, type ResidentTag } from '../resident.entity.js';

export const PHONE = /^(\+?86)?1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$|^\d{3,8}$/;

export class CreateResidentDto {
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name: string;

  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a mobile (13812341234) or landline (0971-1234567) number' })
  phone?: string | null;

  @IsInt()
  gridUnitId: number;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(RESIDENT_TAGS, { each: true, message: `tags must each be one of ${RESIDENT_TAGS.join(', ')}` })
  tags?: ResidentTag[];
}

export class UpdateResidentDto extends PartialType(CreateResidentDto) {}
