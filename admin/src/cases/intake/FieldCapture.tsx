import { Box, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { NumberInput, useTranslate } from 'react-admin';

/**
 * On patrol: 拍照 opens the phone's camera (the photo is uploaded with the case once it is logged), and
 * 定位 fills latitude and longitude from the device.
 */
export const FieldCapture = ({ photo, onPhoto }: { photo: File | null; onPhoto: (f: File | null) => void }) => {
  const t = useTranslate();
  const { setValue } = useFormContext();
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const locate = () => {
    if (!navigator.geolocation) return setProblem(t('app.intake.no_location'));
    setLocating(true);
    setProblem(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        // Six decimals: about 10 cm, more than a phone's fix is worth.
        setValue('lat', Number(pos.coords.latitude.toFixed(6)), { shouldDirty: true });
        setValue('lng', Number(pos.coords.longitude.toFixed(6)), { shouldDirty: true });
        setLocating(false);
      },
      () => {
        setProblem(t('app.intake.no_location'));
        setLocating(false);
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };
  return (
    <Box sx={{ width: '100%' }}>
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap alignItems="center" sx={{ mb: 1 }}>
        <Button variant="outlined" component="label">
          {t('app.intake.take_photo')}
          <input hidden type="file" accept="image/*" capture="environment" data-testid="camera" onChange={(e) => onPhoto(e.target.files?.[0] ?? null)} />
        </Button>
        <Button variant="outlined" onClick={locate} disabled={locating} data-testid="locate">
          {t('app.intake.locate')}
        </Button>
        {photo && (
          <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }} data-testid="photo-name">
            {t('app.intake.photo_ready', { name: photo.name })}
          </Typography>
        )}
      </Stack>
      {problem && (
        <Typography variant="body2" color="error">
          {problem}
        </Typography>
      )}
      <Stack direction="row" spacing={1}>
        <NumberInput source="lat" step={0.000001} />
        <NumberInput source="lng" step={0.000001} />
      </Stack>
    </Box>
  );
};
