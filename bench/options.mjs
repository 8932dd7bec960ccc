// Command-line options of `npm run bench`.
export const USAGE = `usage: npm run bench -- [--cases N] [--duration S] [--no-console] [--smoke]
  --cases N      cases in the benchmark database (default 1000000; built once, then cached in bench/cache/)
  --duration S   seconds of load per measured figure (default 5)
  --no-console   skip the console measures (bundle size still measured; no browser)
  --smoke        a quick check that the bench works: --cases 2000 --duration 1
  --out FILE     where to write the results (default bench/results.json)
  --lists N      how many of the console's case lists to measure, drawn at random from every combination of
                 sortable column, to-do tab and role (default 24; each for a fifth of --duration, at least 1 s)
  --list-seed S  the draw's seed, to measure the same lists again (default: a new one each run, printed)
  --db URL       on PostgreSQL: postgres://user@host:port/<scratch>; the database is built once beside it
                 (<scratch>_cache_<N>_<key>) and <scratch> is dropped and copied from it for each run`;

export function parseOptions(argv) {
  const o = { cases: 1_000_000, duration: 5, console: true, smoke: false, out: null, db: null, days: 365, seed: 20261129, lists: 24, listSeed: null };
  const num = (name, raw, min) => {
    const n = Number(String(raw ?? '').replaceAll('_', ''));
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min} (got "${raw}")\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--cases') o.cases = Math.round(num('cases', value(), 1));
    else if (flag === '--duration') o.duration = num('duration', value(), 0.5);
    else if (flag === '--no-console') o.console = false;
    else if (flag === '--smoke') o.smoke = true;
    else if (flag === '--out') o.out = value();
    else if (flag === '--lists') o.lists = Math.round(num('lists', value(), 1));
    else if (flag === '--list-seed') o.listSeed = Math.round(num('list-seed', value(), 0));
    else if (flag === '--db') o.db = value();
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument "${argv[i]}"\n${USAGE}`);
  }
  o.listSeed ??= Math.floor(Math.random() * 2 ** 31);
  if (o.smoke) {
    if (!argv.some((a) => a.startsWith('--cases'))) o.cases = 2000;
    if (!argv.some((a) => a.startsWith('--lists'))) o.lists = 6;
    if (!argv.some((a) => a.startsWith('--duration'))) o.duration = 1;
  }
  return o;
}
