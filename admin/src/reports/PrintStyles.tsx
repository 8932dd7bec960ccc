import { GlobalStyles } from '@mui/material';

/**
 * What a printed report holds: its text and its tables. The app bar, the menu and everything marked
 * `data-print="hide"` (pickers, buttons) stay on screen only; `data-print="only"` is paper only.
 */
export const PrintStyles = () => (
  <GlobalStyles
    styles={{
      '[data-print="only"]': { display: 'none' },
      '@media print': {
        'header, .RaSidebar-root, .MuiDrawer-root, [data-print="hide"]': { display: 'none !important' },
        '[data-print="only"]': { display: 'block !important' },
        '.RaLayout-content, main': { padding: '0 !important', margin: '0 !important' },
        '.MuiCard-root': { boxShadow: 'none !important', breakInside: 'avoid' },
        a: { color: 'inherit !important', textDecoration: 'none !important' },
      },
    }}
  />
);
