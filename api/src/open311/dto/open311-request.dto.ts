import { Transform } from 'class-transformer';
import { IsLatitude, IsLongitude, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { explain } from '../../common/validation.js';
import { PHONE } from '../../residents/dto/resident.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * GeoReport v2's `POST requests` arguments, as a form (application/x-www-form-urlencoded, the spec's) or JSON:
 * every value arrives as text. `email`, `device_id`, `account_id` and `media_url` are taken and not kept
 * (README "Open311 GeoReport v2").
 */
export class Open311RequestDto {
  @IsOptional()
  @IsString()
  api_key?: string;

  @IsOptional()
  @IsString()
  jurisdiction_id?: string;

  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(30)
  service_code: string;

  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  description: string;

  @IsOptional()
  @IsLatitude()
  lat?: string;

  @IsOptional()
  @IsLongitude()
  long?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  address_string?: string;

  @IsOptional()
  @Matches(/^[0-9]{1,9}$/, explain('wholeNumber'))
  address_id?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(25)
  first_name?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(25)
  last_name?: string;

  @IsOptional()
  @Matches(PHONE, explain('phoneFormat'))
  phone?: string;

  @IsOptional()
  @IsString()
  email?: string;

  @IsOptional()
  @IsString()
  device_id?: string;

  @IsOptional()
  @IsString()
  account_id?: string;

  @IsOptional()
  @IsString()
  media_url?: string;
}
