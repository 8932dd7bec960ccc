import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CrudController } from '../common/crud.controller.js';
import { ApiKeysService } from './api-keys.service.js';
import { CreateApiKeyDto, UpdateApiKeyDto } from './dto/api-key.dto.js';

/** CONTRACT.md `api-keys`: admins only; `POST` answers the key once in `key`; `DELETE` revokes. */
@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api-keys')
export class ApiKeysController extends CrudController({ resource: 'api-keys', createDto: CreateApiKeyDto, updateDto: UpdateApiKeyDto, read: ['admin'], write: ['admin'] }) {
  constructor(readonly service: ApiKeysService) {
    super();
  }
}
