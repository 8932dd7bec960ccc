import { PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DEPARTMENT_KINDS, type DepartmentKind } from '../department.entity.js';
import { explain, OmitOrSet } from '../../common/validation.js';

export class CreateDepartmentDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @OmitOrSet()
  @IsIn(DEPARTMENT_KINDS)
  kind?: DepartmentKind;

  @IsOptional()
  @Matches(/^[0-9+\- ]{3,30}$/, explain('phoneNumber'))
  phone?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  contactName?: string | null;

  @OmitOrSet()
  @IsBoolean()
  active?: boolean;
}

export class UpdateDepartmentDto extends PartialType(CreateDepartmentDto) {}
