// `npm run verify [-- --from ID --to ID]`: walk the timeline's hash chains of the configured database; exit 1 if any event was tampered with.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root, run } from './lib.mjs';

if (!existsSync(join(root, 'api/dist/src/timeline/verify-cli.js'))) run('npm', ['run', 'build', '-w', 'api']);
const r = spawnSync(process.execPath, [join(root, 'api/dist/src/timeline/verify-cli.js'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
