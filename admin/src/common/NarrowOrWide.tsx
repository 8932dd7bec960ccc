import { useMediaQuery, type Theme } from '@mui/material';
import type { ReactElement } from 'react';

/**
 * A list's body: its table on a desktop, one line a record on a phone (below MUI's md), where a table of
 * several columns squeezed to 390 px wraps every word a character a line and scrolls sideways.
 */
export const NarrowOrWide = ({ narrow, wide }: { narrow: ReactElement; wide: ReactElement }) => {
  const isNarrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  return isNarrow ? narrow : wide;
};
