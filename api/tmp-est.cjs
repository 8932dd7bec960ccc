const D=require('better-sqlite3');const d=new D('../bench/cache/cases-1000000-fae5bde3901c.sqlite',{readonly:true});
const base = "from cases c where (measure_bits & 4) <> 0 and close_hours is not null and close_hours > 0";
for (const g of [1.02, 1.05, 1.1]) {
  const t=Date.now();
  const r = d.prepare(`select count(*) n from (select distinct strftime('%Y-%m', received_at, '480 minutes') m, coalesce(community_id, grid_unit_id) p, category_id v, cast(ceil(ln(close_hours)/ln(${g})) as integer) b ${base})`).get();
  console.log('hours only', g, r.n, Date.now()-t);
}
const r = d.prepare(`select count(*) n from (select distinct strftime('%Y-%m', received_at, '480 minutes') m, coalesce(community_id, grid_unit_id) p, category_id v, close_workdays w ${base})`).get();
console.log('workdays only', r.n);
console.log(d.prepare(`select count(*) n from (select distinct coalesce(community_id, grid_unit_id) p, category_id v ${base})`).get());
