import { Body, Controller, Get, HttpCode, Ip, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from './auth-user.js';
import { CurrentUser, Public } from './auth.decorators.js';
import { AuthService, signedInUser } from './auth.service.js';
import { LoginDto } from './dto/login.dto.js';
import { UserSettingsDto } from './dto/settings.dto.js';
import { ChangePasswordDto } from './dto/password.dto.js';
import { createValidationPipe } from '../common/validation.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Ip() address: string) {
    return this.auth.login(dto.username, dto.password, address);
  }

  /** Signs the user out everywhere: every token signed for them until now answers 401. */
  @Post('logout')
  @HttpCode(204)
  logout(@CurrentUser() user: AuthUser) {
    return this.auth.logout(user);
  }

  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    return signedInUser(user);
  }

  /**
   * The signed-in user's own new password: every earlier session ends (here too), and the answer is a new
   * token and the user, as a sign-in's. A wrong current password counts as a failed sign-in.
   */
  @Put('me/password')
  changePassword(@Body(createValidationPipe(ChangePasswordDto)) dto: ChangePasswordDto, @CurrentUser() user: AuthUser, @Ip() address: string) {
    return this.auth.changePassword(user, dto.currentPassword, dto.password, address);
  }

  /** The signed-in user's own settings (every role): answers the user as GET /auth/me then shows it. */
  @Put('me/settings')
  settings(@Body(createValidationPipe(UserSettingsDto)) dto: UserSettingsDto, @CurrentUser() user: AuthUser) {
    return this.auth.updateSettings(user, dto);
  }
}
