import ReplayIcon from '@mui/icons-material/Replay';
import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Datagrid, FunctionField, NumberField, RecordContextProvider, ReferenceField, TextField, useListContext, useNotify, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { NarrowOrWide } from '../common/NarrowOrWide';
import { API_URL, httpClient } from '../dataProvider';
import { retryable, STATE_COLOR, type DeliveryState } from './deliveries';

export const StateChip = (_props: { label?: string }) => {
  const record = useRecordContext();
  const t = useTranslate();
  if (!record) return null;
  const state = record.state as DeliveryState;
  return <Chip size="small" color={STATE_COLOR[state] ?? 'default'} label={t(`enums.deliveryState.${state}`, { _: state })} data-testid="delivery-state" />;
};

/** 重试 on a failed delivery or a pending one waiting out its back-off: sent again at once by the next worker round. */
export const RetryButton = (_props: { label?: string }) => {
  const record = useRecordContext();
  const t = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => httpClient(`${API_URL}/webhook-deliveries/${record!.id}/retry`, { method: 'POST' }),
    onSuccess: () => {
      notify('app.webhooks.retried', { type: 'success' });
      queryClient.invalidateQueries({ queryKey: ['webhook-deliveries'] });
    },
    onError: (e) => notify((e as Error).message, { type: 'error' }),
  });
  if (!record || !retryable(record.state)) return null;
  return (
    <Button size="small" startIcon={<ReplayIcon />} disabled={mutation.isPending} onClick={(e) => (e.stopPropagation(), mutation.mutate())} data-testid="delivery-retry">
      {t('app.webhooks.retry')}
    </Button>
  );
};

const EventField = (_props: { label?: string }) => {
  const t = useTranslate();
  return <FunctionField render={(r: RaRecord) => t(`enums.action.${r.event}`, { _: r.event })} />;
};

const CaseNumber = (_props: { label?: string }) => (
  <ReferenceField source="caseId" reference="cases" link="show">
    <TextField source="number" />
  </ReferenceField>
);

/** On a phone: one card a delivery, its state, the case and what the receiver last answered, and 重试. */
const DeliveryCards = () => {
  const { data = [] } = useListContext();
  const t = useTranslate();
  const line = (label: string, value: ReactNode) => (
    <Typography variant="body2" component="div" sx={{ overflowWrap: 'anywhere' }}>
      <Box component="span" sx={{ color: 'text.secondary' }}>
        {t('app.timeline.label', { label: t(label) })}
      </Box>
      {value}
    </Typography>
  );
  return (
    <Stack spacing={1} sx={{ p: 1 }}>
      {data.map((r) => (
        <Card key={r.id} variant="outlined" data-testid="delivery-row">
          <RecordContextProvider value={r}>
            <CardContent sx={{ '&:last-child': { pb: 1 }, p: 1 }}>
              <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
                <StateChip />
                <Typography variant="subtitle2">{t(`enums.action.${r.event}`, { _: r.event })}</Typography>
                <CaseNumber />
              </Stack>
              {line('resources.webhook-deliveries.fields.attempts', r.attempts)}
              {r.lastStatus != null && line('resources.webhook-deliveries.fields.lastStatus', r.lastStatus)}
              {r.lastError && line('resources.webhook-deliveries.fields.lastError', r.lastError)}
              {r.nextAttemptAt && line('resources.webhook-deliveries.fields.nextAttemptAt', <LocalDateField source="nextAttemptAt" showTime />)}
              {r.deliveredAt && line('resources.webhook-deliveries.fields.deliveredAt', <LocalDateField source="deliveredAt" showTime />)}
              <RetryButton />
            </CardContent>
          </RecordContextProvider>
        </Card>
      ))}
    </Stack>
  );
};

/** A webhook's deliveries, newest first (inside its ReferenceManyField): a table on a desktop, cards on a phone. */
export const DeliveryList = () => (
  <NarrowOrWide
    narrow={<DeliveryCards />}
    wide={
      <Datagrid bulkActionButtons={false} rowClick={false} empty={<EmptyDeliveries />} sx={{ '& .RaDatagrid-headerCell': { whiteSpace: 'nowrap' } }}>
        <LocalDateField source="createdAt" showTime />
        <EventField label="resources.webhook-deliveries.fields.event" />
        <CaseNumber label="resources.webhook-deliveries.fields.caseId" />
        <StateChip label="resources.webhook-deliveries.fields.state" />
        <NumberField source="attempts" />
        <TextField source="lastStatus" emptyText="—" />
        <TextField source="lastError" emptyText="—" sx={{ overflowWrap: 'anywhere', maxWidth: 280, display: 'block' }} />
        <LocalDateField source="nextAttemptAt" showTime emptyText="—" />
        <LocalDateField source="deliveredAt" showTime emptyText="—" />
        <RetryButton label="" />
      </Datagrid>
    }
  />
);

const EmptyDeliveries = () => {
  const t = useTranslate();
  return (
    <Typography color="text.secondary" sx={{ p: 2 }}>
      {t('app.webhooks.no_deliveries')}
    </Typography>
  );
};
