import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsLatitude, IsLongitude, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SATISFACTIONS, type Satisfaction } from '../../cases/case.constants.js';
import { explain } from '../../common/validation.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** At most this many photos with a request; the page shrinks each so the body stays under the 1 MB limit. */
export const MAX_PUBLIC_PHOTOS = 3;

/** A request asked on the public page (CONTRACT.md "Residents' public API"), with its proof of work. */
export class PublicRequestDto {
  /** The entry point's channel code (`/m/?entry=…`); the first resident entry when absent. */
  @IsOptional()
  @IsString()
  @MaxLength(30)
  entry?: string;

  @IsInt()
  categoryId: number;

  @Transform(trim)
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  description: string;

  @IsOptional()
  @IsInt()
  gridUnitId?: number;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  address?: string;

  @IsOptional()
  @IsLatitude()
  lat?: number;

  @IsOptional()
  @IsLongitude()
  lng?: number;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  name?: string;

  @IsOptional()
  @Matches(/^1[3-9]\d{9}$/, explain('mobileFormat'))
  phone?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  company?: string;

  @IsOptional()
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/, explain('creditCodeFormat'))
  creditCode?: string;

  /** `data:image/jpeg;base64,…` each. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PUBLIC_PHOTOS)
  @IsString({ each: true })
  photos?: string[];

  @IsOptional()
  @IsString()
  challenge?: string;

  @IsOptional()
  @IsString()
  nonce?: string;
}

/** The resident's own answer to the follow-up (回访), with the code that follows the request. */
export class PublicRatingDto {
  @IsString()
  @MaxLength(20)
  secret: string;

  @IsBoolean()
  resolved: boolean;

  @IsIn(SATISFACTIONS)
  satisfaction: Satisfaction;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  comment?: string;
}
