import { IsString, MaxLength, MinLength } from 'class-validator';

/** A user's own new password, with the one they sign in with now (a stolen session alone cannot change it). */
export class ChangePasswordDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword: string;

  /** The same rule as an admin setting it (users/dto/user.dto.ts). */
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password: string;
}
