import { PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { explain } from '../../common/validation.js';

export class CreateCalendarDayDto {
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, explain('date'))
  date: string;

  /** true: a working day (e.g. a make-up day); false: a day off. */
  @IsBoolean()
  workday: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  name?: string | null;
}

export class UpdateCalendarDayDto extends PartialType(CreateCalendarDayDto) {}
