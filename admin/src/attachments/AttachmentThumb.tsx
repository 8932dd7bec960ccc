import BrokenImageIcon from '@mui/icons-material/BrokenImage';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Box, Link, Skeleton, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useAttachmentUrl } from './api';
import { isImage } from './fileCheck';

export interface ThumbProps {
  id: number;
  fileName: string;
  mimeType: string;
  size?: number;
}

/** A thumbnail that opens the full image, or a link to the PDF; both in a new tab from a local object URL. */
export const AttachmentThumb = ({ id, fileName, mimeType, size = 96 }: ThumbProps) => {
  const t = useTranslate();
  const { url, isError } = useAttachmentUrl(id);
  if (isError)
    return (
      <Stack direction="row" spacing={0.5} alignItems="center" title={fileName}>
        <BrokenImageIcon color="disabled" />
        <Typography variant="caption" color="text.secondary">
          {t('app.attachments.unavailable')}
        </Typography>
      </Stack>
    );
  if (!isImage(mimeType))
    return (
      <Link href={url} target="_blank" rel="noopener" underline="hover" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }} data-testid="attachment-link">
        <PictureAsPdfIcon color="error" fontSize="small" />
        {fileName}
      </Link>
    );
  if (!url) return <Skeleton variant="rectangular" width={size} height={size} />;
  return (
    <Link href={url} target="_blank" rel="noopener" title={`${t('app.attachments.open')} ${fileName}`}>
      <Box
        component="img"
        src={url}
        alt={fileName}
        data-testid="attachment-thumb"
        sx={{ width: size, height: size, objectFit: 'cover', borderRadius: 1, border: 1, borderColor: 'divider', display: 'block' }}
      />
    </Link>
  );
};
