import { Box, Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A measure's name with its definition (from DOMAIN.md, in the i18n files) on hover or focus. */
export const MeasureLabel = ({ measure, label }: { measure: string; label?: string }) => {
  const t = useTranslate();
  return (
    <Tooltip title={t(`app.measures.${measure}.tip`)} arrow placement="top">
      <Box component="span" tabIndex={0} sx={{ borderBottom: '1px dotted', borderColor: 'text.disabled', cursor: 'help' }}>
        {label ?? t(`app.measures.${measure}.label`)}
      </Box>
    </Tooltip>
  );
};
