import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_ID } from '../../common/ids.js';

/** What a user sets for themself: the channel intake presets (null clears it). */
export class UserSettingsDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  defaultChannelId?: number | null;
}
