import { MenuItem, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../dataProvider';

interface Template {
  id: number;
  name: string;
  action: string | null;
}

/**
 * 使用模板: the reply templates for this step (or for any), filled by the API from the case ({居民} {单位} {时限} …)
 * and put into the step's text field. Nothing shows when there are none.
 */
export const TemplatePicker = ({ action, caseId, onText }: { action: string; caseId: number; onText: (text: string) => void }) => {
  const t = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const { data = [] } = useQuery({
    queryKey: ['reply-templates', 'active'],
    queryFn: async () => (await dataProvider.getList<Template>('reply-templates', { filter: { active: true }, sort: { field: 'uses', order: 'DESC' }, pagination: { page: 1, perPage: 100 } })).data,
    staleTime: 60_000,
  });
  const mine = data.filter((x) => x.action === null || x.action === action);
  if (!mine.length) return null;
  const use = async (id: number) => {
    try {
      const res = await httpClient(`${API_URL}/reply-templates/${id}/render`, { method: 'POST', body: JSON.stringify({ caseId }) });
      onText((res.json as { text: string }).text);
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { type: 'error' });
    }
  };
  return (
    <TextField select size="small" label={t('app.knowledge.use_template')} value="" onChange={(e) => void use(Number(e.target.value))} fullWidth data-testid="template-picker">
      {mine.map((x) => (
        <MenuItem key={x.id} value={x.id}>
          {x.name}
        </MenuItem>
      ))}
    </TextField>
  );
};
