import { BarChart } from '@mui/x-charts/BarChart';
import { ChartsLocalizationProvider } from '@mui/x-charts/ChartsLocalizationProvider';
import { useTranslate } from 'react-admin';

export interface BarItem {
  key: string;
  name: string;
  value: number;
}

/**
 * One bar per group, longest first, names on the left (Chinese unit names are long); a bar opens its cases.
 * `min` starts the axis above 0 where the values are close; `barLabel` writes each value after its bar (a label centred on a bar is placed as if the bar began at 0).
 */
export default function GroupBarChart({ items, label, format, onClick, min = 0, max, barLabel }: { items: BarItem[]; label: string; format: (v: number | null) => string; onClick?: (index: number) => void; min?: number; max?: number; barLabel?: boolean }) {
  const t = useTranslate();
  const longest = Math.max(4, ...items.map((i) => i.name.length));
  return (
    <ChartsLocalizationProvider localeText={{ noData: t('app.reports.no_data'), loading: t('ra.page.loading') }}>
      <BarChart
        dataset={items as unknown as Record<string, string | number>[]}
        layout="horizontal"
        height={Math.max(160, 48 + items.length * 30)}
        yAxis={[{ scaleType: 'band', dataKey: 'name', width: Math.min(220, 16 + longest * 13) }]}
        xAxis={[{ min, max, tickNumber: 8, valueFormatter: (v: number | null) => format(v) }]}
        series={[{ dataKey: 'value', label, valueFormatter: (v) => format(v), ...(barLabel ? { barLabel: (item) => format(item.value), barLabelPlacement: 'outside' as const } : {}) }]}
        hideLegend
        // Room after the longest bar (100.0) for its label.
        margin={barLabel ? { right: 44 } : undefined}
        grid={{ vertical: true }}
        onItemClick={onClick ? (_, item) => onClick(item.dataIndex) : undefined}
        sx={onClick ? { '& .MuiBarElement-root': { cursor: 'pointer' } } : undefined}
      />
    </ChartsLocalizationProvider>
  );
}
