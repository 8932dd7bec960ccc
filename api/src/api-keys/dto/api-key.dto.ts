import { PartialType } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { OmitOrSet } from '../../common/validation.js';

export class CreateApiKeyDto {
  /** Who holds it: "微信小程序", "市12345平台". */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  /** The channel the key's requests are logged under. */
  @IsInt()
  channelId: number;

  @OmitOrSet()
  @IsInt()
  @Min(1)
  @Max(6000)
  perMinute?: number;
}

export class UpdateApiKeyDto extends PartialType(CreateApiKeyDto) {}
