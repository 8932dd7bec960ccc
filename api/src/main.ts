import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './config/config.js';

try {
  const config = loadConfig();
  const app = await createApp(config);
  // Every interface (Fastify alone would take only localhost); IPv4 alone where the machine has no IPv6.
  await app.listen(config.port, '::').catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EAFNOSUPPORT' && err.code !== 'EADDRNOTAVAIL') throw err;
    return app.listen(config.port, '0.0.0.0');
  });
  new Logger('Main').log(`serving the console at http://localhost:${config.port}/ and the API at /api (database: ${config.databaseKind})`);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`configuration error: ${err.message}`);
    process.exit(2);
  }
  throw err;
}
