// Every case list the console can ask for on its own: each sortable column of the case table (both ways) with
// each of the case list's and 我的待办's filters, as each role (whose scope the API adds). The bench measures a
// seeded random sample of them per run, so that over runs every one is met, not a fixed few.

/**
 * The columns a reader can sort the case table by (admin/src/cases/CaseDatagrid.tsx: a column with a `source` or
 * a `sortBy`); the place and status columns have neither. Keep in step with that file.
 */
export const SORTABLE_COLUMNS = ['number', 'title', 'categoryId', 'departmentId', 'receivedAt', 'resolveDueAt'];

/** The roles, each as its demo account: the scope is the API's (a subtree, or a handler's unit). */
export const ROLE_ACCOUNTS = { admin: 'admin', supervisor: 'supervisor', dispatcher: 'dispatcher', grid_worker: 'worker', handler: 'handler' };

/**
 * Every combination for the signed-in sessions (`as[account]`, each with `headers`): the case list unfiltered
 * (诉求工单's default page) and each to-do tab of the role, as `GET /api/cases/todo` names them, by each column
 * and direction. Each is `{role, account, bucket, filter, sort}`.
 */
export async function listCombinations(baseUrl, as) {
  const combos = [];
  for (const [role, account] of Object.entries(ROLE_ACCOUNTS)) {
    const session = as[account];
    const res = await fetch(`${baseUrl}/api/cases/todo`, { headers: session.headers });
    if (!res.ok) throw new Error(`GET /api/cases/todo as ${account} answered ${res.status}`);
    const tabs = [{ key: 'all', filter: {} }, ...(await res.json())];
    // Two tabs with the same filter (a supervisor's 延期审批 and a handler's 延期待批) are one list.
    const seen = new Set();
    for (const tab of tabs) {
      const key = JSON.stringify(tab.filter);
      if (seen.has(key)) continue;
      seen.add(key);
      for (const column of SORTABLE_COLUMNS) {
        for (const order of ['ASC', 'DESC']) combos.push({ role, account, bucket: tab.key, filter: tab.filter, sort: [column, order] });
      }
    }
  }
  return combos;
}

/** A short name for a combination, as the table and results name it: `supervisor overdue resolveDueAt↓`. */
export const comboName = (c) => `${c.role} ${c.bucket} ${c.sort[0]}${c.sort[1] === 'ASC' ? '↑' : '↓'}`;

/** `n` of `items` drawn without repeats by a seeded generator (mulberry32): the same seed, the same sample. */
export function seededSample(items, n, seed) {
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, Math.min(n, pool.length));
}
