import { Body, Controller, Get, Headers, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators.js';
import { localeOf } from '../common/localize.js';
import { createValidationPipe } from '../common/validation.js';
import { PublicRatingDto, PublicRequestDto } from './dto/public-request.dto.js';
import { PublicDirectory } from './public-directory.js';
import { PublicGuard } from './public-guard.js';
import { PublicService } from './public.service.js';

/** The residents' public API (no staff login), for the page at `/m/`: CONTRACT.md "Residents' public API". */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicController {
  constructor(
    private readonly service: PublicService,
    private readonly directory: PublicDirectory,
    private readonly guard: PublicGuard,
  ) {}

  @Get('entries')
  entries() {
    return this.directory.entries();
  }

  @Get('categories')
  categories() {
    return this.directory.categories();
  }

  @Get('grid-units')
  places() {
    return this.directory.places();
  }

  @Get('challenge')
  challenge() {
    return this.guard.challenge();
  }

  @Post('requests')
  ask(@Body(createValidationPipe(PublicRequestDto)) dto: PublicRequestDto, @Ip() address: string) {
    return this.service.ask(dto, address);
  }

  @Get('requests/:number')
  follow(@Param('number') number: string, @Query('secret') secret: unknown, @Ip() address: string, @Headers('accept-language') lang?: string) {
    return this.service.follow(number, secret, address, localeOf(lang));
  }

  @Post('requests/:number/rating')
  @HttpCode(200)
  rate(@Param('number') number: string, @Body(createValidationPipe(PublicRatingDto)) dto: PublicRatingDto, @Ip() address: string) {
    return this.service.rate(number, dto, address);
  }
}
