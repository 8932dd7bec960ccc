import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './config/config.js';

try {
  const config = loadConfig();
  const app = await createApp(config);
  // The loopback unless HOST opens it wider (HOST=0.0.0.0 behind a firewall or a reverse proxy: README).
  await app.listen(config.port, config.host);
  const shown = config.host === 'localhost' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  new Logger('Main').log(`serving the console at http://${shown.includes(':') ? `[${shown}]` : shown}:${config.port}/ and the API at /api on ${config.host} (database: ${config.databaseKind})`);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`configuration error: ${err.message}`);
    process.exit(2);
  }
  throw err;
}
