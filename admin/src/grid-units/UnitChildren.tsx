import { Chip, List, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import { naturalCompare } from '../common/naturalCompare';

/** A unit's children in natural order (1号, 2号 … 10号), each opening its own page. */
export const UnitChildren = () => {
  const t = useTranslate();
  const record = useRecordContext<{ id: number }>();
  const { data = [], isPending } = useGetList<{ id: number; name: string; level: string; code: string }>(
    'grid-units',
    { filter: { parentId: record?.id }, pagination: { page: 1, perPage: 1000 }, sort: { field: 'path', order: 'ASC' } },
    { enabled: !!record },
  );
  if (isPending) return null;
  if (!data.length) return <Typography color="text.secondary">—</Typography>;
  return (
    <List dense disablePadding data-testid="unit-children">
      {[...data].sort((a, b) => naturalCompare(a.name, b.name)).map((u) => (
        <ListItemButton key={u.id} component={Link} to={`/grid-units/${u.id}/show`}>
          <ListItemText primary={u.name} secondary={u.code} />
          <Chip size="small" variant="outlined" label={t(`enums.level.${u.level}`)} />
        </ListItemButton>
      ))}
    </List>
  );
};
