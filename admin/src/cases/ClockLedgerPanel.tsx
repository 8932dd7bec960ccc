import { Box, Chip, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Labeled, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../dataProvider';
import { ledgerBar, ledgerLine, type IntervalKind, type Ledger } from './clockLedger';

const COLOR: Record<IntervalKind, string> = { counted: 'primary.main', paused: 'grey.400', extended: 'success.light', returned: 'warning.main' };
const CLOCKS = ['signFor', 'response', 'resolve'] as const;

/** 时限台账: per clock its limit, extensions and pauses, due time and time counted, and a bar of its intervals by kind. */
export const ClockLedgerPanel = (_props: { label?: false }) => {
  const record = useRecordContext();
  const t = useTranslate();
  const [locale] = useLocaleState();
  const ledger = useQuery({
    queryKey: ['case-clocks', record?.id, record?.version],
    queryFn: async () => (await httpClient(`${API_URL}/cases/${record!.id}/clocks`)).json as Ledger,
    enabled: !!record?.id,
  }).data;
  if (!ledger) return null;
  const due = (iso: string) => new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const now = Date.now();
  return (
    <Labeled label="app.fair.ledger.title">
      <Stack spacing={1} data-testid="clock-ledger" sx={{ maxWidth: '100%' }}>
        {CLOCKS.filter((k) => ledger[k].state !== 'idle').map((k) => (
          <Box key={k}>
            <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
              <Typography variant="body2" sx={{ fontWeight: 500 }}>
                {t(`app.fair.ledger.${k}`)}
              </Typography>
              <Chip size="small" variant="outlined" label={t(`app.fair.ledger.states.${ledger[k].state}`)} />
            </Stack>
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
              {ledgerLine(ledger[k], t, due)}
            </Typography>
            <Box sx={{ display: 'flex', height: 6, borderRadius: 1, overflow: 'hidden', mt: 0.5, bgcolor: 'grey.100' }}>
              {ledgerBar(ledger[k], now).map((s, i) => (
                <Box key={i} title={t(`app.fair.ledger.kinds.${s.kind}`)} sx={{ width: `${s.share * 100}%`, bgcolor: COLOR[s.kind] }} />
              ))}
            </Box>
          </Box>
        ))}
      </Stack>
    </Labeled>
  );
};
