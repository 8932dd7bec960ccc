// The generator (`npm run seed`) as the bench runs it, on either engine.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** Runs the generator into the database at `databaseUrl`; resolves with its own figures and the wall time. */
export function generate(root, databaseUrl, { cases, days, seed }, log) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [join(root, 'api/dist/src/seed/seed-cli.js'), '--cases', String(cases), '--days', String(days), '--seed', String(seed)], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, DB_LOG: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => {
      out += d;
      const line = String(d).trim().split(/\r|\n/).pop();
      if (line?.includes('cases/s')) log(`  generator: ${line.trim()}`);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`the generator failed (exit ${code}):\n${out.slice(-3000)}`));
      const m = /added (\d+) cases \((\d+) events\) in ([\d.]+) s/.exec(out);
      resolve({ seconds, cases: m ? Number(m[1]) : cases, events: m ? Number(m[2]) : null, generatorSeconds: m ? Number(m[3]) : null });
    });
  });
}

