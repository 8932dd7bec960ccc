import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { Labeled, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { copyText } from '../common/clipboard';
import { entryLink } from './entryLink';

/** The link residents open (as printed or made a QR code), with a copy button. */
const EntryLink = ({ code }: { code: string }) => {
  const t = useTranslate();
  const notify = useNotify();
  const link = entryLink(window.location.origin, code);
  const copy = async () => notify((await copyText(link)) ? 'app.channels.copied' : 'app.channels.copy_failed', { type: 'info' });
  return (
    <Labeled label="app.channels.entry_link">
      <Stack direction="row" alignItems="center" spacing={0.5}>
        <Typography variant="body2" component="a" href={link} target="_blank" rel="noopener" sx={{ overflowWrap: 'anywhere' }} data-testid="entry-link">
          {link}
        </Typography>
        <Tooltip title={t('app.channels.copy')}>
          <IconButton size="small" onClick={copy} aria-label={t('app.channels.copy')} data-testid="entry-link-copy">
            <ContentCopyIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Stack>
    </Labeled>
  );
};

/** In the form: the link as the code now reads, once 居民端入口 is on. */
export const EntryLinkInput = () => {
  const [publicEntry, code] = useWatch({ name: ['publicEntry', 'code'] });
  return publicEntry && code ? <EntryLink code={code} /> : null;
};

/** On the channel's page: its link, when it is an entry point. */
export const EntryLinkField = (_props: { label?: false }) => {
  const record = useRecordContext();
  return record?.publicEntry && record.code ? <EntryLink code={record.code} /> : null;
};
