// `npm run bench`: the performance benchmark of issue 5 is not written yet. It says so rather than
// printing figures that measure nothing.
console.error('npm run bench: the benchmark (million-case database, autocannon, baselines) is not implemented yet.');
process.exit(2);
