import AddPhotoIcon from '@mui/icons-material/AddPhotoAlternate';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import CloseIcon from '@mui/icons-material/Close';
import { Box, Button, FormHelperText, IconButton, Stack, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useObjectUrl } from './api';
import { checkPickedFile, DOCUMENT_TYPES, formatSize, IMAGE_TYPES, isImage, MAX_BYTES, type FileProblem } from './fileCheck';

interface Props {
  file: File | null;
  onChange: (file: File | null) => void;
  /** The 办理后照片 pickers take photos only. */
  photosOnly?: boolean;
  label: string;
}

/** Picks one file and checks it at once (size, real type), saying what is wrong before anything is sent. */
export const FilePicker = ({ file, onChange, photosOnly = false, label }: Props) => {
  const t = useTranslate();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const preview = useObjectUrl(file && isImage(file.type) ? file : null);

  const picked = async (chosen: File | undefined) => {
    if (!chosen) return;
    const check = await checkPickedFile(chosen, photosOnly);
    setProblem(check.ok ? null : check.problem);
    onChange(check.ok ? chosen : null);
  };

  return (
    <Box>
      <input
        ref={input}
        type="file"
        hidden
        accept={(photosOnly ? IMAGE_TYPES : DOCUMENT_TYPES).join(',')}
        data-testid="file-input"
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          e.target.value = ''; // the same file can be picked again after a refusal
          void picked(chosen);
        }}
      />
      <Stack direction="row" spacing={1} alignItems="center">
        <Button variant="outlined" size="small" startIcon={photosOnly ? <AddPhotoIcon /> : <AttachFileIcon />} onClick={() => input.current?.click()}>
          {label}
        </Button>
        {file && (
          <>
            {preview && <Box component="img" src={preview} alt={file.name} sx={{ width: 48, height: 48, objectFit: 'cover', borderRadius: 1 }} />}
            <Typography variant="body2" data-testid="picked-file">
              {file.name} · {formatSize(file.size)}
            </Typography>
            <IconButton size="small" aria-label={t('ra.action.remove')} onClick={() => onChange(null)}>
              <CloseIcon fontSize="small" />
            </IconButton>
          </>
        )}
      </Stack>
      <FormHelperText error={!!problem} data-testid="file-problem">
        {problem
          ? t(`app.attachments.problem.${problem}${problem === 'wrong_type' && photosOnly ? '_photo' : ''}`)
          : t(photosOnly ? 'app.attachments.hint_photo' : 'app.attachments.hint', { max: formatSize(MAX_BYTES) })}
      </FormHelperText>
    </Box>
  );
};
