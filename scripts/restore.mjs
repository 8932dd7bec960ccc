// `npm run restore -- <dir>`: see api/src/backup/restore-cli.ts and the README's "Backup and restore".
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { root, run } from './lib.mjs';

if (!existsSync(join(root, 'api/dist/src/backup/restore-cli.js'))) run('npm', ['run', 'build', '-w', 'api']);
// The directory as the user typed it, from where they typed it (npm runs scripts from the root).
const args = process.argv.slice(2).map((a, i) => (i === 0 && process.env.INIT_CWD && !a.startsWith('-') ? resolve(process.env.INIT_CWD, a) : a));
const r = spawnSync(process.execPath, [join(root, 'api/dist/src/backup/restore-cli.js'), ...args], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
