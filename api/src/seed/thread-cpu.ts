import { readFileSync } from 'node:fs';

/**
 * CPU time (user + system, ms) of the calling thread, for the generator's phase report on a busy
 * machine where wall time says little; null where /proc/thread-self is not there (not Linux).
 */
export function threadCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return null;
  }
}
