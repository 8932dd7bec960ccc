import { Skeleton } from '@mui/material';
import { lazy, Suspense, type ComponentProps } from 'react';

/**
 * The charts (MUI X Charts, with its d3 parts) load only when a chart is first shown, so the first screen of the
 * console stays light: each is its own chunk, fetched behind a placeholder of the same height.
 */
const GroupBarChart = lazy(() => import('./GroupBarChart'));
const RateTrendChart = lazy(() => import('./RateTrendChart'));

export type { BarItem } from './GroupBarChart';
export type { TrendPoint } from './RateTrendChart';

export const LazyGroupBarChart = (props: ComponentProps<typeof GroupBarChart>) => (
  <Suspense fallback={<Skeleton variant="rectangular" height={Math.max(160, 48 + props.items.length * 30)} />}>
    <GroupBarChart {...props} />
  </Suspense>
);

export const LazyRateTrendChart = (props: ComponentProps<typeof RateTrendChart>) => (
  <Suspense fallback={<Skeleton variant="rectangular" height={300} />}>
    <RateTrendChart {...props} />
  </Suspense>
);
