// `npm start`: build what is not built, then serve API + console on one port (migrations and the
// demo seed run inside the server at start).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { API_NODE_FLAGS, apiEnv, buildIfNeeded, root } from './lib.mjs';

buildIfNeeded();
const server = spawn(process.execPath, [...API_NODE_FLAGS, join(root, 'api/dist/src/main.js')], { stdio: 'inherit', cwd: root, env: apiEnv() });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
