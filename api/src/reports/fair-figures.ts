import { rate, score } from '../cases/case-measures.js';

interface Sums {
  followUps: number;
  followUpsResolved: number;
  followUpsSatisfied: number;
  excusedFollowUps: number;
  excusedResolved: number;
  excusedSatisfied: number;
  bounces: number;
  flightMinutes: number;
  pausedMinutes: number;
  dispatched: number;
}

/**
 * What issue 18 adds to a group's rates (DOMAIN.md "Pauses, returns, appeals"): the ratings upheld appeals took
 * out, and the resolution and satisfaction rates and the score without them (the raw ones stay beside them);
 * 退单次数 (every return), the mean time in flight per case sent to a unit, and the hours paused.
 */
export function fairFigures(c: Sums, raw: { responseRate: number | null; resolutionRate: number | null; satisfactionRate: number | null }) {
  const rated = c.followUps - c.excusedFollowUps;
  const adjusted = {
    responseRate: raw.responseRate,
    resolutionRate: rate(c.followUpsResolved - c.excusedResolved, rated),
    satisfactionRate: rate(c.followUpsSatisfied - c.excusedSatisfied, rated),
  };
  return {
    followUpsExcused: c.excusedFollowUps,
    resolutionRateAdjusted: adjusted.resolutionRate,
    satisfactionRateAdjusted: adjusted.satisfactionRate,
    scoreAdjusted: score(adjusted),
    bounces: c.bounces,
    flightHours: c.dispatched > 0 ? c.flightMinutes / 60 / c.dispatched : null,
    pausedHours: c.pausedMinutes / 60,
  };
}
