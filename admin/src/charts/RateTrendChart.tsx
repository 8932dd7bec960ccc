import { ChartsLocalizationProvider } from '@mui/x-charts/ChartsLocalizationProvider';
import { LineChart } from '@mui/x-charts/LineChart';
import { useTranslate } from 'react-admin';

export interface TrendPoint {
  label: string;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}

const SERIES = ['responseRate', 'resolutionRate', 'satisfactionRate'] as const;

/** 响应率, 解决率 and 满意率 week by week; a week with nothing due leaves a gap, not a zero. Clicking a week opens its cases. */
export default function RateTrendChart({ points, format, onWeekClick }: { points: TrendPoint[]; format: (v: number | null) => string; onWeekClick?: (index: number) => void }) {
  const t = useTranslate();
  // From the nearest 10% below the lowest rate (never below 0) to 100%: differences of a few points stay visible.
  const values = points.flatMap((p) => SERIES.map((k) => p[k])).filter((v): v is number => v !== null);
  const min = values.length ? Math.max(0, Math.floor(Math.min(...values) * 10 - 0.5) / 10) : 0;
  return (
    <ChartsLocalizationProvider localeText={{ noData: t('app.reports.no_data'), loading: t('ra.page.loading') }}>
      <LineChart
        height={300}
        xAxis={[{ scaleType: 'point', data: points.map((p) => p.label) }]}
        yAxis={[{ min, max: 1, valueFormatter: (v: number | null) => format(v), width: 56 }]}
        series={SERIES.map((key) => ({ id: key, label: t(`app.measures.${key}.label`), data: points.map((p) => p[key]), valueFormatter: (v: number | null) => format(v), showMark: true }))}
        grid={{ horizontal: true }}
        onAxisClick={onWeekClick ? (_, data) => data && onWeekClick(data.dataIndex) : undefined}
        sx={onWeekClick ? { cursor: 'pointer' } : undefined}
      />
    </ChartsLocalizationProvider>
  );
}
