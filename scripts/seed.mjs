// `npm run seed -- --cases N [--days D]`: add realistic cases to the configured database.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { root, run } from './lib.mjs';

if (!existsSync(join(root, 'api/dist/src/seed/seed-cli.js'))) run('npm', ['run', 'build', '-w', 'api']);
run(process.execPath, [join(root, 'api/dist/src/seed/seed-cli.js'), ...process.argv.slice(2)]);
