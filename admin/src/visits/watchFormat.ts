/** Heights (0..1) of a trend's bars, each month's count against the largest; all zero when nothing was asked. */
export const barHeights = (counts: readonly number[]) => {
  const max = Math.max(0, ...counts);
  return counts.map((n) => (max > 0 ? n / max : 0));
};

/** `count` months (`YYYY-MM`), the latest first, ending at `latest`. */
export const recentMonths = (latest: string, count: number) => {
  const [year, month] = latest.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
};
