import { PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../user.entity.js';
import { explain, OmitOrSet } from '../../common/validation.js';

export class CreateUserDto {
  @Matches(/^[A-Za-z0-9_.-]{2,50}$/, explain('usernameFormat'))
  username: string;

  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name: string;

  @IsIn(ROLES)
  role: Role;

  @IsOptional()
  @IsInt()
  scopeUnitId?: number | null;

  @IsOptional()
  @IsInt()
  departmentId?: number | null;

  @IsOptional()
  @Matches(/^[0-9+\- ]{3,30}$/, explain('phoneNumber'))
  phone?: string | null;

  /** An empty password on an edit form means "unchanged". */
  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password: string;

  @OmitOrSet()
  @IsBoolean()
  active?: boolean;

  @IsOptional()
  @IsBoolean()
  canExportPersonalData?: boolean;
}

export class UpdateUserDto extends PartialType(CreateUserDto) {}
