/**
 * `npm run verify [-- --from ID --to ID]`: walks every case's timeline chain in the database of DATABASE_URL
 * and prints each event edited, removed or inserted out of band; exit 1 if any, else 0 with one summary
 * line. It applies pending migrations first, as `npm start` does (which also seals the events written
 * before the timeline was chained), so that it checks the schema the API runs on.
 */
import { ConfigError, loadConfig } from '../config/config.js';
import { createDataSource } from '../database/data-source.js';
import { migrate } from '../database/database.module.js';
import { describeFinding } from './findings.js';
import { verifyTimelines } from './timeline-verifier.js';

const USAGE = 'usage: verify-cli [--from CASE_ID] [--to CASE_ID]   (DATABASE_URL selects the database)';

function parseArgs(argv: string[]): { from?: number; to?: number } {
  const out: { from?: number; to?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(from|to)(?:=(.*))?$/.exec(argv[i]);
    if (argv[i] === '--help' || argv[i] === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (!m) throw new ConfigError(`unknown argument "${argv[i]}"\n${USAGE}`);
    const raw = m[2] ?? argv[++i];
    if (!raw || !/^[1-9][0-9]{0,9}$/.test(raw)) throw new ConfigError(`--${m[1]} must be a case id (a whole number ≥ 1)`);
    out[m[1] as 'from' | 'to'] = Number(raw);
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const ds = createDataSource(loadConfig());
  await ds.initialize();
  try {
    await migrate(ds);
    const started = Date.now();
    const result = await verifyTimelines(ds.manager, { fromCaseId: args.from, toCaseId: args.to, maxFindings: 0, onFinding: (f) => console.log(describeFinding(f)) });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const walked = `${result.cases.toLocaleString('en')} cases, ${result.events.toLocaleString('en')} events in ${seconds} s`;
    if (result.problems) {
      console.log(`timeline NOT intact: ${result.problems} problem(s) among ${walked}`);
      process.exitCode = 1;
    } else console.log(`timeline intact: ${walked}`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? `verify: ${err.message}` : err);
  process.exit(2);
});
