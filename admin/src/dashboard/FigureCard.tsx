import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** One big figure; the whole card opens the case list behind it. */
export const FigureCard = ({ label, value, to, color, caption, testId }: { label: ReactNode; value: ReactNode; to: string; color?: string; caption?: ReactNode; testId?: string }) => (
  <Card sx={{ height: '100%' }}>
    <CardActionArea component={Link} to={to} sx={{ height: '100%' }} data-testid={testId ? `${testId}-link` : undefined}>
      <CardContent>
        <Typography color="text.secondary">{label}</Typography>
        <Typography variant="h4" sx={{ color, fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
          {value}
        </Typography>
        {caption && (
          <Typography variant="caption" color="text.secondary">
            {caption}
          </Typography>
        )}
      </CardContent>
    </CardActionArea>
  </Card>
);

/** A titled card for a list or a chart on the dashboard. */
export const PanelCard = ({ title, action, children, testId }: { title: ReactNode; action?: ReactNode; children: ReactNode; testId?: string }) => (
  <Card sx={{ height: '100%' }} data-testid={testId}>
    <CardContent>
      <Typography variant="subtitle1" fontWeight={600} sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mb: 1 }} component="div">
        <span>{title}</span>
        {action}
      </Typography>
      {children}
    </CardContent>
  </Card>
);
