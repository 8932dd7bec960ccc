import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode } from '../common/errors.js';
import { text } from '../common/localize.js';
import { PublicDirectory } from '../public/public-directory.js';

/**
 * GeoReport v2's `services`: the categories a request can be filed under on the residents' page (public,
 * in use, no public children), by their code; `group` is the top of their tree. No category asks for extra
 * fields yet, so `metadata` is false and a definition's `attributes` is empty.
 */
@Injectable()
export class Open311Services {
  constructor(private readonly directory: PublicDirectory) {}

  async list() {
    return (await this.directory.categories()).map((c) => ({
      service_code: c.code,
      service_name: c.name,
      description: c.fullName,
      metadata: false,
      type: 'realtime',
      keywords: c.keywords.join(','),
      group: c.group,
    }));
  }

  async definition(code: string) {
    const found = (await this.directory.categories()).some((c) => c.code === code);
    if (!found) throw new AppError(ErrorCode.NotFound, text('open311NoService', { code }));
    return { service_code: code, attributes: [] };
  }
}
