import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from './auth-user.js';
import { CurrentUser, Public } from './auth.decorators.js';
import { AuthService, signedInUser } from './auth.service.js';
import { LoginDto } from './dto/login.dto.js';
import { UserSettingsDto } from './dto/settings.dto.js';
import { createValidationPipe } from '../common/validation.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto.username, dto.password);
  }

  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    return signedInUser(user);
  }

  /** The signed-in user's own settings (every role): answers the user as GET /auth/me then shows it. */
  @Put('me/settings')
  settings(@Body(createValidationPipe(UserSettingsDto)) dto: UserSettingsDto, @CurrentUser() user: AuthUser) {
    return this.auth.updateSettings(user, dto);
  }
}
