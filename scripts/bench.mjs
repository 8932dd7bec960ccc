// `npm run bench [-- --cases N --duration S --no-console --smoke]`: the performance benchmark of issue 5
// (bench/run.mjs). Exits 0 when it measured, whatever the budgets say; non-zero when the bench itself failed.
import { runBench } from '../bench/run.mjs';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
try {
  await runBench(root, process.argv.slice(2));
} catch (err) {
  console.error(`npm run bench failed: ${err.stack ?? err}`);
  process.exit(1);
}
