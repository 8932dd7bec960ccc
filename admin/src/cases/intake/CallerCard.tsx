import { Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import type { Caller } from './deskApi';

/** The picked caller beside the form: who they are, their key-population tags and their last cases. */
export const CallerCard = ({ caller }: { caller: Caller }) => {
  const t = useTranslate();
  return (
    <Card variant="outlined" data-testid="caller-card">
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {caller.name} · {caller.phone}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {caller.address}
        </Typography>
        {caller.tags.length > 0 && (
          <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap sx={{ mt: 1 }}>
            {caller.tags.map((tag) => (
              <Chip key={tag} size="small" color="warning" label={t(`enums.tag.${tag}`)} />
            ))}
          </Stack>
        )}
        <Typography variant="subtitle2" sx={{ mt: 1 }}>
          {t('app.intake.last_cases')}
        </Typography>
        {caller.lastCases.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {t('app.intake.no_cases')}
          </Typography>
        )}
        {caller.lastCases.map((c) => (
          <Typography key={c.id} variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            <Link to={`/cases/${c.id}/show`}>{c.number}</Link> {c.title} · {t(`enums.status.${c.status}`)}
          </Typography>
        ))}
      </CardContent>
    </Card>
  );
};
