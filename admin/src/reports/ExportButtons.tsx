import DownloadIcon from '@mui/icons-material/Download';
import { Button, ButtonGroup, CircularProgress } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { downloadFile } from './api';

const FORMATS = ['xlsx', 'csv'] as const;

/**
 * Excel and CSV of what is on screen: `<path>.xlsx?<query>` / `.csv?<query>`, the same parameters as the JSON,
 * fetched with the bearer token and saved under the server's file name.
 */
export const ExportButtons = ({ path, query, fileBase, size = 'small' }: { path: string; query: string; fileBase: string; size?: 'small' | 'medium' }) => {
  const t = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState<string>();
  const run = async (ext: (typeof FORMATS)[number]) => {
    setBusy(ext);
    try {
      const name = await downloadFile(`${path}.${ext}`, query, `${fileBase}.${ext}`);
      notify('app.reports.exported', { type: 'info', messageArgs: { name } });
    } catch (e) {
      notify('app.reports.export_failed', { type: 'error', messageArgs: { message: e instanceof Error ? e.message : String(e) } });
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <ButtonGroup size={size} variant="outlined">
      {FORMATS.map((ext) => (
        <Button key={ext} onClick={() => run(ext)} disabled={!!busy} startIcon={busy === ext ? <CircularProgress size={14} /> : <DownloadIcon />} data-testid={`export-${ext}`}>
          {t(`app.reports.export_${ext}`)}
        </Button>
      ))}
    </ButtonGroup>
  );
};
