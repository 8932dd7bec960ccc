/**
 * `node api/dist/src/seed/seed-cli.js --cases N [--days D] [--seed S]`: adds N realistic cases with
 * their timelines over the last D days (default 90) to the database of DATABASE_URL. An empty database
 * first gets the demo community's reference data (territory, units, channels, categories, staff, residents).
 */
import { ConfigError, loadConfig } from '../config/config.js';
import { createDataSource } from '../database/data-source.js';
import { migrate } from '../database/database.module.js';
import { GridUnit } from '../grid/grid-unit.entity.js';
import { generateCases } from './case-generator.js';
import { GenerationStopped } from './case-stream.js';
import { seedDemo } from './demo-seed.js';

const USAGE = 'usage: seed-cli --cases N [--days D] [--seed S]   (DATABASE_URL selects the database)';

function parseArgs(argv: string[]): { cases: number; days: number; seed: number } {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    const m = /^--(cases|days|seed)(?:=(.*))?$/.exec(arg);
    if (!m) throw new ConfigError(`unknown argument "${arg}"\n${USAGE}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new ConfigError(`--${m[1]} needs a value\n${USAGE}`);
    values[m[1]] = value;
  }
  const whole = (name: string, fallback: number | undefined, min: number) => {
    const raw = values[name];
    if (raw === undefined) {
      if (fallback === undefined) throw new ConfigError(`--${name} is required\n${USAGE}`);
      return fallback;
    }
    const n = Number(raw.replaceAll('_', ''));
    if (!Number.isSafeInteger(n) || n < min) throw new ConfigError(`--${name} must be a whole number ≥ ${min} (got "${raw}")`);
    return n;
  };
  return { cases: whole('cases', undefined, 1), days: whole('days', 90, 1), seed: whole('seed', Date.now() % 2_147_483_647, 0) };
}

/** A progress line on stderr: rewritten in place on a terminal, every 10% otherwise. */
function progress(total: number, started: number) {
  let lastDraw = 0;
  let lastTenth = -1;
  return (done: number) => {
    const t = Date.now();
    const tenth = Math.floor((done / total) * 10);
    const tty = process.stderr.isTTY;
    if (done < total && (tty ? t - lastDraw < 200 : tenth === lastTenth)) return;
    lastDraw = t;
    lastTenth = tenth;
    const rate = Math.round(done / Math.max(0.001, (t - started) / 1000));
    const line = `  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} cases (${Math.floor((done / total) * 100)}%), ${rate.toLocaleString('en')} cases/s`;
    process.stderr.write(tty ? `\r${line}${done >= total ? '\n' : ''}` : `${line}\n`);
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const ds = createDataSource(config);
  await ds.initialize();
  try {
    await migrate(ds);
    if ((await ds.getRepository(GridUnit).count()) === 0) {
      process.stderr.write('empty database: seeding the demo community first (reference data, no cases)\n');
      await seedDemo(ds, { timeZone: config.timeZone, cases: 0 });
    }
    process.stderr.write(`generating ${args.cases.toLocaleString('en')} cases over ${args.days} days (seed ${args.seed}) into ${config.databaseKind}\n`);
    const started = Date.now();
    // Ctrl-C stops between batches: what is written stays, and dropped indexes are rebuilt before exiting.
    const stop = new AbortController();
    const onSignal = () => {
      process.stderr.write('\nstopping after this batch…\n');
      stop.abort();
    };
    process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
    const result = await generateCases(ds, { count: args.cases, days: args.days, timeZone: config.timeZone, seed: args.seed, onProgress: progress(args.cases, started), signal: stop.signal });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`added ${result.cases} cases (${result.events} events) in ${seconds} s`);
    const s = (ms: number | null) => (ms === null ? '?' : (ms / 1000).toFixed(1));
    for (const p of result.phases) console.log(`  ${p.name}: ${s(p.wallMs)} s wall, ${s(p.cpuMs)} s CPU`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(`seed: ${err.message}`);
    process.exit(2);
  }
  if (err instanceof GenerationStopped) {
    console.error(`seed: ${err.message}`);
    process.exit(130);
  }
  console.error(err);
  process.exit(1);
});
