import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Box, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import type { Attachment } from './api';
import { AttachmentThumb } from './AttachmentThumb';
import { STAGES } from './fileCheck';
import { UploadDialog } from './UploadDialog';

/** The case's photos and documents by stage (处理前 / 处理后 / 材料), and an upload button for anyone who sees the case. */
export const AttachmentsPanel = () => {
  const record = useRecordContext();
  const t = useTranslate();
  const [uploading, setUploading] = useState(false);
  const { data = [], isPending } = useGetList<Attachment>(
    'attachments',
    { filter: { caseId: record?.id }, sort: { field: 'id', order: 'ASC' }, pagination: { page: 1, perPage: 200 } },
    { enabled: !!record?.id },
  );
  if (!record) return null;
  return (
    <Box data-testid="attachments" sx={{ mb: 3 }}>
      <Stack direction="row" alignItems="center" justifyContent="space-between">
        <Typography variant="h6">{t('app.attachments.title')}</Typography>
        <Button size="small" startIcon={<UploadFileIcon />} onClick={() => setUploading(true)}>
          {t('app.attachments.upload')}
        </Button>
      </Stack>
      {!isPending && data.length === 0 && <Typography color="text.secondary">{t('app.attachments.none')}</Typography>}
      {STAGES.map((stage) => {
        const files = data.filter((a) => a.stage === stage);
        if (!files.length) return null;
        return (
          <Box key={stage} sx={{ mt: 1 }} data-testid={`attachments-${stage}`}>
            <Typography variant="subtitle2" color="text.secondary">
              {t(`enums.stage.${stage}`)}
            </Typography>
            <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap alignItems="flex-end">
              {files.map((a) => (
                <Box key={a.id} title={a.note ?? a.fileName}>
                  <AttachmentThumb id={a.id} fileName={a.fileName} mimeType={a.mimeType} />
                </Box>
              ))}
            </Stack>
          </Box>
        );
      })}
      {uploading && <UploadDialog caseId={Number(record.id)} status={record.status} onClose={() => setUploading(false)} />}
    </Box>
  );
};
