import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { DatabaseFileStorage } from './database-file-storage.js';
import { FILE_STORAGE, type FileStorage } from './file-storage.js';
import { attachmentsDir, LocalFileStorage } from './local-file-storage.js';

/** The storage FILE_STORAGE names, for a server or a command (backup, restore) alike. */
export function fileStorageFor(config: Pick<AppConfig, 'fileStorage' | 'dataDir'>, ds: DataSource): FileStorage {
  return config.fileStorage === 'database' ? new DatabaseFileStorage(ds) : new LocalFileStorage(attachmentsDir(config.dataDir));
}

export const fileStorageProvider: Provider = {
  provide: FILE_STORAGE,
  inject: [APP_CONFIG, DataSource],
  useFactory: (config: AppConfig, ds: DataSource): FileStorage => fileStorageFor(config, ds),
};
