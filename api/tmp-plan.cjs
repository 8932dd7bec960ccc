const D=require('better-sqlite3');const d=new D('/work/tmp/l.sqlite',{readonly:true, fileMustExist:true});
const q = process.argv[2]; const p = JSON.parse(process.argv[3]||'[]');
console.log(d.prepare('EXPLAIN QUERY PLAN '+q).all(...p).map(r=>r.detail).join('\n'));
const st=d.prepare(q); for (let i=0;i<3;i++){const t=process.hrtime.bigint(); const r=st.all(...p); console.log(r.length, Number(process.hrtime.bigint()-t)/1e6,'ms');}
