/**
 * The CPU time of a connection's server process, for the generator's phase figures: read from
 * /proc when the server runs on this machine (as the bench's does), else unknown. Parallel workers
 * an index build starts are processes of their own and not counted.
 */
import { readFileSync } from 'node:fs';
import type { PgClient } from './postgres-writer.js';

/** Milliseconds of CPU the process `pid` has used, or null when it is not a PostgreSQL process here. */
function processCpuMs(pid: number): number | null {
  try {
    if (!readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres')) return null;
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks (100 a second on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** A reader of the connection's server CPU time in ms (null: not measurable). */
export async function serverCpu(client: PgClient, url: string | undefined): Promise<() => number | null> {
  if (!url || !['127.0.0.1', 'localhost', '::1', '[::1]'].includes(new URL(url).hostname)) return () => null;
  const pid = Number((await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
  return () => processCpuMs(pid);
}
