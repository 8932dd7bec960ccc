import LockIcon from '@mui/icons-material/LockOutlined';
import PublicIcon from '@mui/icons-material/Public';
import { Button, Chip, Tooltip } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCanAccess, useNotify, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../dataProvider';
import { markable, toggledVisibility, type VisibleEntry } from './visibility';

/** 公开 / 内部: whether residents see this entry on the public page (the API's answer, its mark or its default). */
const VisibilityChip = ({ entry }: { entry: VisibleEntry }) => {
  const t = useTranslate();
  const side = entry.public ? 'public' : 'internal';
  return (
    <Tooltip title={t(`app.visibility.${side}_tip`)}>
      <Chip
        size="small"
        variant="outlined"
        color={entry.public ? 'success' : 'default'}
        icon={entry.public ? <PublicIcon /> : <LockIcon />}
        label={t(`app.visibility.${side}`)}
        data-testid="visibility"
        data-public={String(!!entry.public)}
      />
    </Tooltip>
  );
};

/**
 * The chip, and for the roles the API lets mark entries (`case-events: edit`) a button to turn it over. The
 * change is an entry of its own (设置公开范围): the timeline is fetched again to show it.
 */
export const VisibilityMark = ({ entry }: { entry: VisibleEntry & { id: number | string } }) => {
  const t = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { canAccess } = useCanAccess({ resource: 'case-events', action: 'edit' });
  const to = toggledVisibility(entry);
  const mutation = useMutation({
    mutationFn: () => httpClient(`${API_URL}/case-events/${entry.id}/visibility`, { method: 'PUT', body: JSON.stringify({ visibility: to }) }),
    onSuccess: () => {
      notify(`app.visibility.set_${to}`, { type: 'success' });
      queryClient.invalidateQueries({ queryKey: ['case-events'] });
    },
    onError: (e) => notify((e as Error).message, { type: 'error' }),
  });
  if (!markable(entry)) return null;
  return (
    <>
      <VisibilityChip entry={entry} />
      {canAccess && (
        <Button size="small" sx={{ minWidth: 0, py: 0 }} disabled={mutation.isPending} onClick={() => mutation.mutate()} data-testid="visibility-toggle">
          {t(`app.visibility.make_${to}`)}
        </Button>
      )}
    </>
  );
};
