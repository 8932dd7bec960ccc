import { PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { OmitOrSet } from '../../common/validation.js';
import { WEBHOOK_EVENTS } from '../webhook-events.js';

export class CreateWebhookDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(500)
  url: string;

  /** Signs every body; at least 16 characters. Written, never shown again. */
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  secret: string;

  /** The timeline actions it hears; empty or absent: all of them. */
  @OmitOrSet()
  @IsArray()
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events?: string[];

  @OmitOrSet()
  @IsBoolean()
  active?: boolean;
}

export class UpdateWebhookDto extends PartialType(CreateWebhookDto) {}
