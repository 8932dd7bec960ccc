import { PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { explain, OmitOrSet } from '../../common/validation.js';
import { TEMPLATE_ACTIONS } from '../placeholders.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class CreateArticleDto {
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  body: string;

  @IsOptional()
  @IsInt()
  categoryId?: number | null;

  @IsOptional()
  @Matches(DAY, explain('date'))
  validFrom?: string | null;

  @IsOptional()
  @Matches(DAY, explain('date'))
  validUntil?: string | null;

  @OmitOrSet()
  @IsBoolean()
  public?: boolean;

  @OmitOrSet()
  @IsBoolean()
  active?: boolean;
}

export class UpdateArticleDto extends PartialType(CreateArticleDto) {}

export class CreateReplyTemplateDto {
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  text: string;

  @IsOptional()
  @IsIn(TEMPLATE_ACTIONS)
  action?: string | null;

  @OmitOrSet()
  @IsBoolean()
  active?: boolean;
}

export class UpdateReplyTemplateDto extends PartialType(CreateReplyTemplateDto) {}
