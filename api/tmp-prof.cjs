const p = JSON.parse(require('fs').readFileSync(process.argv[2]));
const self = new Map(); const byId = new Map(p.nodes.map(n => [n.id, n]));
const dt = p.timeDeltas; const counts = new Map();
p.samples.forEach((s, i) => counts.set(s, (counts.get(s) || 0) + (dt[i] || 0)));
let total = 0;
for (const [id, t] of counts) { const n = byId.get(id); const cf = n.callFrame; const key = `${cf.functionName || '(anon)'} ${cf.url.replace(/.*node_modules\//, 'nm/').replace(/.*\/dist\//, 'dist/')}:${cf.lineNumber}`; self.set(key, (self.get(key) || 0) + t); total += t; }
const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 40);
for (const [k, t] of top) console.log((t / total * 100).toFixed(1).padStart(5), '%', k);
// by package
const pk = new Map(); for (const [k, t] of self) { const m = /nm\/(@[^/]+\/[^/]+|[^/]+)/.exec(k); const key = m ? m[1] : (k.includes('dist/') ? 'app' : k.split(' ')[0]); pk.set(key, (pk.get(key) || 0) + t); }
console.log('---'); for (const [k, t] of [...pk].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log((t / total * 100).toFixed(1).padStart(5), '%', k);
