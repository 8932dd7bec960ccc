import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode, fieldError } from '../common/errors.js';
import { render, text, type Locale } from '../common/localize.js';
import { OutsideIntake } from '../public/outside-intake.js';
import { PublicDirectory } from '../public/public-directory.js';
import type { KeyHolder } from '../api-keys/api-key-gate.js';
import type { Open311RequestDto } from './dto/open311-request.dto.js';

/**
 * GeoReport v2's `POST requests`: logged through the same intake as the residents' page (OutsideIntake), under
 * the key's channel, in `received` for staff to accept or reject. The place is a grid unit: `address_id` (a
 * community or compound), else the compound nearest `lat`/`long`, else the community or compound whose name
 * `address_string` contains; the address itself is kept for staff only.
 */
@Injectable()
export class Open311Intake {
  constructor(
    private readonly directory: PublicDirectory,
    private readonly intake: OutsideIntake,
  ) {}

  async submit(dto: Open311RequestDto, key: KeyHolder, locale: Locale) {
    const category = (await this.directory.categories()).find((c) => c.code === dto.service_code);
    if (!category) throw new AppError(ErrorCode.NotFound, text('open311NoService', { code: dto.service_code }));
    const lat = dto.lat !== undefined && dto.long !== undefined ? Number(dto.lat) : undefined;
    const lng = lat !== undefined ? Number(dto.long) : undefined;
    const gridUnitId = await this.place(dto, lat, lng);
    const name = `${dto.last_name ?? ''}${dto.first_name ?? ''}`.trim();
    const { row, token } = await this.intake.submit({
      origin: 'open311',
      channelId: key.channelId,
      apiKeyId: key.id,
      categoryId: category.id,
      gridUnitId,
      description: dto.description,
      address: dto.address_string || undefined,
      lat,
      lng,
      reporterName: name || undefined,
      reporterPhone: dto.phone || undefined,
      withToken: true,
    });
    return [{ service_request_id: row.number, token, service_notice: render(text('publicCreate'), locale), account_id: null }];
  }

  private async place(dto: Open311RequestDto, lat: number | undefined, lng: number | undefined): Promise<number> {
    const places = dto.address_id !== undefined || dto.address_string ? await this.directory.places() : [];
    if (dto.address_id !== undefined) {
      const found = places.find((p) => p.id === Number(dto.address_id));
      if (!found) throw fieldError('address_id', 'open311PlaceUnknown', { value: dto.address_id });
      return found.id;
    }
    const near = lat !== undefined && lng !== undefined ? await this.directory.nearestCompound(lat, lng) : null;
    if (near !== null) return near;
    if (dto.address_string) {
      // The narrowest place the address names: a compound before its community, then the longest name (小碱小区 before 小碱).
      const rank = (p: { level: string; name: string }) => (p.level === 'compound' ? 1000 : 0) + p.name.length;
      const named = places.filter((p) => dto.address_string!.includes(p.name)).sort((a, b) => rank(b) - rank(a))[0];
      if (!named) throw fieldError('address_string', 'open311PlaceUnknown', { value: dto.address_string });
      return named.id;
    }
    throw new AppError(ErrorCode.BadRequest, text('open311NoPlace'));
  }
}
