import type { TimelineFinding } from './timeline-verifier.js';

/** One line per finding, for the operator's terminal (`npm run verify`, restore): case number, event, what is wrong. */
export function describeFinding(f: TimelineFinding): string {
  const where = `case ${f.number ?? '?'} (id ${f.caseId})`;
  switch (f.kind) {
    case 'edited':
      return `${where}, event ${f.eventId}: edited (its content or hash no longer matches the chain)`;
    case 'inserted':
      return `${where}, event ${f.eventId}: inserted out of band (not part of the chain)`;
    case 'removed':
      return f.eventId === null ? `${where}: its last ${f.count} event(s) removed` : `${where}, before event ${f.eventId}: ${f.count} event(s) removed`;
    case 'anchor':
      return `${where}: the chain's head record (case_chains) is missing; last event ${f.eventId}`;
  }
}
