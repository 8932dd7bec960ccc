import { IsInt, IsOptional } from 'class-validator';

/** What a user sets for themself: the channel intake presets (null clears it). */
export class UserSettingsDto {
  @IsOptional()
  @IsInt()
  defaultChannelId?: number | null;
}
