/** 11-04 16:34: when a request came in, as the watch list shows it (the console's zone is the city's). */
export const shortTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

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
