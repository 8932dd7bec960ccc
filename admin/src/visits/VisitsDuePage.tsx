import { Box } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { DueHouseholds } from './DueHouseholds';

/** 待走访 (未诉先办): key-population households not visited nor heard from for longer than their tags ask. */
export const VisitsDuePage = () => {
  const t = useTranslate();
  return (
    <Box sx={{ p: { xs: 1, md: 2 }, maxWidth: 900 }}>
      <Title title={t('app.visits.title')} />
      <DueHouseholds />
    </Box>
  );
};

export default VisitsDuePage;
