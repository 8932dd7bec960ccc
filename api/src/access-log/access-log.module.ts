import { Global, Module } from '@nestjs/common';
import { AccessLogExportService } from './access-log-export.service.js';
import { AccessLogController, AccessLogExportsController } from './access-log.controller.js';
import { AccessLogService } from './access-log.service.js';
import { AccessLogWriter } from './access-log.writer.js';

/** Global: every resource that shows personal data in full records it through the one writer. */
@Global()
@Module({
  controllers: [AccessLogExportsController, AccessLogController],
  providers: [AccessLogWriter, AccessLogService, AccessLogExportService],
  exports: [AccessLogWriter],
})
export class AccessLogModule {}
