import { PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CHANNEL_GROUPS, type ChannelGroup } from '../channel.entity.js';
import { explain, OmitOrSet } from '../../common/validation.js';

export class CreateChannelDto {
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name: string;

  @Matches(/^[a-z0-9_]{1,30}$/, explain('channelCodeFormat'))
  code: string;

  @IsIn(CHANNEL_GROUPS)
  group: ChannelGroup;

  @OmitOrSet()
  @IsInt()
  sort?: number;

  @OmitOrSet()
  @IsBoolean()
  active?: boolean;

  /** An entry point of the residents' public page. */
  @OmitOrSet()
  @IsBoolean()
  publicEntry?: boolean;
}

export class UpdateChannelDto extends PartialType(CreateChannelDto) {}
