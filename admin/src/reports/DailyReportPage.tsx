import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, Card, CardContent, CardHeader, Chip, Grid, IconButton, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Tooltip, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Title, useGetList, useNotify, useTranslate } from 'react-admin';
import { getUser } from '../authProvider';
import { useReport, type ChannelCount, type DailyReport, type HotTopic } from './api';
import { CaseCountLink } from './CaseCountLink';
import { copyText } from '../common/clipboard';
import { casesPath, hotTopicFilter, idsFilter, narrow, reportQuery, subtreeIds, type CaseFilter } from './drill';
import { ExportButtons } from './ExportButtons';
import { reportFileName } from './fileName';
import { addDays, dateIn, isDate } from './period';
import { PrintStyles } from './PrintStyles';
import { UnitPicker } from './ReportFilters';

const Section = ({ title, children, testId }: { title: string; children: ReactNode; testId: string }) => (
  <Card variant="outlined" sx={{ height: '100%' }} data-testid={testId}>
    <CardHeader title={title} slotProps={{ title: { variant: 'subtitle1', fontWeight: 600 } }} sx={{ pb: 0 }} />
    {/* On a phone a wide table scrolls in its card, not the page. */}
    <CardContent sx={{ overflowX: 'auto' }}>{children}</CardContent>
  </Card>
);

/** A two-column table of names and counts, each count a link to its cases, with the total last. */
const CountTable = ({ rows, total, totalFilter, nameHeader }: { rows: { key: string | number; name: ReactNode; count: number; filter: CaseFilter; extra?: ReactNode }[]; total?: number; totalFilter?: CaseFilter; nameHeader: string }) => {
  const t = useTranslate();
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{nameHeader}</TableCell>
          {rows.some((r) => r.extra) && <TableCell />}
          <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
            {t('app.daily.count')}
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key} data-testid="daily-row">
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.name}</TableCell>
            {rows.some((x) => x.extra) && <TableCell>{r.extra}</TableCell>}
            <TableCell align="right">
              <CaseCountLink filter={r.filter} count={r.count} />
            </TableCell>
          </TableRow>
        ))}
        {total !== undefined && totalFilter && (
          <TableRow sx={{ '& td': { fontWeight: 600 } }}>
            <TableCell colSpan={rows.some((r) => r.extra) ? 2 : 1}>{t('app.reports.total')}</TableCell>
            <TableCell align="right">
              <CaseCountLink filter={totalFilter} count={total} />
            </TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
};

const byChannel = (list: ChannelCount[], base: CaseFilter) => list.map((c) => ({ key: c.channelId, name: c.name, count: c.count, filter: narrow(base, { channelId: c.channelId }) }));

/** 集中反映 or 无集中反映; a concentrated topic names its hot spots, each opening its cases. */
const Concentration = ({ topic }: { topic: HotTopic }) => {
  const t = useTranslate();
  if (!topic.concentrated) return <Chip size="small" variant="outlined" label={t('app.daily.not_concentrated')} />;
  return (
    <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
      <Chip size="small" color="error" label={t('app.daily.concentrated')} />
      {topic.spots.map((s) => (
        <Chip key={s.caseIds.join()} size="small" variant="outlined" color="error" clickable component={Link} to={casesPath(s.filter ?? idsFilter(s.caseIds))} label={t('app.daily.spot', { unit: s.unitName, category: s.categoryName, smart_count: s.count })} />
      ))}
    </Stack>
  );
};

/** The figures of the day, laid out as the supervisor checks them before publishing the text. */
const DailyTables = ({ report }: { report: DailyReport }) => {
  const t = useTranslate();
  const f = report.filters;
  // Hot topics are top-level categories counted with their subtree; the case list takes the subtree's ids.
  const { data: categories = [] } = useGetList('categories', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'path', order: 'ASC' } });
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 6, lg: 4 }}>
        <Section title={t('app.daily.intake')} testId="daily-intake">
          <CountTable
            nameHeader={t('app.daily.item')}
            rows={[
              { key: 'calls', name: t('app.daily.calls'), count: report.calls, filter: f.calls },
              { key: 'direct', name: t('app.daily.handled_directly'), count: report.handledDirectly, filter: f.handledDirectly },
              { key: 'transferred', name: t('app.daily.transferred'), count: report.transferred, filter: f.transferred },
            ]}
          />
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 6, lg: 4 }}>
        <Section title={t('app.daily.online')} testId="daily-online">
          <CountTable nameHeader={t('app.daily.channel')} rows={byChannel(report.online.byChannel, f.online)} total={report.online.total} totalFilter={f.online} />
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 6, lg: 4 }}>
        <Section title={t('app.daily.safety')} testId="daily-safety">
          <CountTable nameHeader={t('app.daily.channel')} rows={byChannel(report.safety.byChannel, f.safety)} total={report.safety.total} totalFilter={f.safety} />
        </Section>
      </Grid>
      <Grid size={{ xs: 12 }}>
        <Section title={t('app.daily.hot_topics')} testId="daily-hot-topics">
          {report.hotTopics.length ? (
            <CountTable
              nameHeader={t('app.daily.category')}
              rows={report.hotTopics.map((h, i) => ({
                key: h.categoryId,
                name: `${i + 1}. ${h.categoryName}`,
                count: h.count,
                filter: hotTopicFilter(f, subtreeIds(categories, h.categoryId)),
                extra: <Concentration topic={h} />,
              }))}
            />
          ) : (
            <Alert severity="info">{t('app.daily.no_hot_topics')}</Alert>
          )}
        </Section>
      </Grid>
    </Grid>
  );
};

/**
 * 日报: the day's text as the supervisor publishes it, a copy button, the figures behind it and its export. With no
 * date asked for, the API picks it (yesterday until DAILY_REPORT_HOUR, a complete day); the day before and after
 * are a click away, and the print view holds only the text and the tables.
 */
export const DailyReportPage = () => {
  const t = useTranslate();
  const notify = useNotify();
  const [params, setParams] = useSearchParams();
  const today = dateIn();
  const asked = isDate(params.get('date')) ? (params.get('date') as string) : undefined;
  const unit = Number(params.get('unitId'));
  const unitId = Number.isInteger(unit) && unit > 0 ? unit : undefined;
  const query = { date: asked, unitId };
  const { data, error, isFetching } = useReport<DailyReport>('daily', query);
  const date = asked ?? data?.date ?? '';
  const set = (patch: { date?: string; unitId?: number }) => {
    const next = { date, unitId, ...patch };
    setParams({ ...(next.date ? { date: next.date } : {}), ...(next.unitId ? { unitId: String(next.unitId) } : {}) }, { replace: true });
  };
  const copy = async () => {
    if (!data) return;
    const ok = await copyText(data.text);
    notify(ok ? 'app.daily.copied' : 'app.daily.copy_failed', { type: ok ? 'info' : 'warning' });
  };
  return (
    <Box sx={{ mt: 1 }}>
      <PrintStyles />
      <Title title={t('app.daily.title')} />
      <Card sx={{ mb: 2 }} data-print="hide">
        <CardContent>
          <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
            <Stack direction="row" spacing={0.5} alignItems="center">
              <Tooltip title={t('app.daily.previous')}>
                <span>
                  <IconButton onClick={() => set({ date: addDays(date, -1) })} disabled={!date} aria-label={t('app.daily.previous')} data-testid="daily-previous">
                    <ChevronLeftIcon />
                  </IconButton>
                </span>
              </Tooltip>
              <TextField
                type="date"
                size="small"
                fullWidth={false}
                sx={{ width: 170 }}
                label={t('app.daily.date')}
                value={date}
                onChange={(e) => isDate(e.target.value) && set({ date: e.target.value })}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today, 'data-testid': 'daily-date' } }}
              />
              <Tooltip title={t('app.daily.next')}>
                <span>
                  <IconButton onClick={() => set({ date: addDays(date, 1) })} disabled={!date || date >= today} aria-label={t('app.daily.next')} data-testid="daily-next">
                    <ChevronRightIcon />
                  </IconButton>
                </span>
              </Tooltip>
            </Stack>
            <UnitPicker value={unitId} fallbackId={getUser()?.scopeUnitId} onChange={(id) => set({ unitId: id })} />
            <Box sx={{ flex: 1 }} />
            <Button startIcon={<PrintIcon />} onClick={() => window.print()} disabled={!data} data-testid="daily-print">
              {t('app.daily.print')}
            </Button>
            <ExportButtons path="reports/daily" query={reportQuery({ date, unitId })} fileBase={reportFileName('daily', [date])} />
          </Stack>
        </CardContent>
      </Card>
      <Box data-print="hide">{isFetching ? <LinearProgress /> : <Box sx={{ height: 4 }} />}</Box>
      {error && <Alert severity="error">{t('app.reports.error', { message: (error as Error).message })}</Alert>}
      {data && (
        <Stack spacing={2}>
          <Typography variant="h5" data-print="only">
            {t('app.daily.print_title', { date: data.date })}
          </Typography>
          <Card>
            <CardHeader
              title={t('app.daily.text')}
              action={
                <Button startIcon={<ContentCopyIcon />} onClick={copy} variant="contained" size="small" data-testid="daily-copy" data-print="hide">
                  {t('app.daily.copy')}
                </Button>
              }
            />
            <CardContent sx={{ pt: 0 }}>
              <Box data-print="hide">
                <TextField value={data.text} multiline fullWidth minRows={4} slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'daily-text' } }} />
              </Box>
              {/* A text area prints cut to its box: on paper the text is plain, all of it. */}
              <Typography data-print="only" sx={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }}>
                {data.text}
              </Typography>
            </CardContent>
          </Card>
          <DailyTables report={data} />
        </Stack>
      )}
    </Box>
  );
};

export default DailyReportPage;
