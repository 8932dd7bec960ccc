import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';

export interface ActionSpec {
  action: string;
  label: string;
  fields: { name: string; type: string; required: boolean }[];
}

const RETURN_REASONS = ['wrong_area', 'unclear_ownership', 'overlapping_duties', 'not_our_duty', 'other'];
const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'];
const LEVELS = ['yellow', 'red'];

const DepartmentSelect = ({ value, onChange, label }: { value: unknown; onChange: (v: unknown) => void; label: string }) => {
  const { data = [] } = useGetList('departments', { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' }, filter: { active: true } });
  return (
    <MuiTextField select label={label} value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))} fullWidth required>
      {data.map((d) => (
        <MenuItem key={d.id} value={d.id}>
          {d.name}
        </MenuItem>
      ))}
    </MuiTextField>
  );
};

/** The fields an action asks for (from the API's transition table), then one POST with the case version. */
export const ActionDialog = ({ spec, onClose, onSubmit, busy }: { spec: ActionSpec; onClose: () => void; onSubmit: (values: Record<string, unknown>) => void; busy: boolean }) => {
  const t = useTranslate();
  const [values, setValues] = useState<Record<string, unknown>>({});
  const set = (name: string) => (v: unknown) => setValues((old) => ({ ...old, [name]: v }));
  const label = (name: string) => t(`app.actions.fields.${name}`);
  const options = (list: string[], ns: string) =>
    list.map((id) => (
      <MenuItem key={id} value={id}>
        {t(`${ns}.${id}`)}
      </MenuItem>
    ));
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t(`app.actions.do.${spec.action}`)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {spec.fields.map((f) => {
            const common = { key: f.name, label: label(f.name), required: f.required, fullWidth: true };
            switch (f.type) {
              case 'department':
                return <DepartmentSelect key={f.name} value={values[f.name]} onChange={set(f.name)} label={label(f.name)} />;
              case 'reason':
                return <MuiTextField {...common} select value={values[f.name] ?? ''} onChange={(e) => set(f.name)(e.target.value)}>{options(RETURN_REASONS, 'enums.returnReason')}</MuiTextField>;
              case 'satisfaction':
                return <MuiTextField {...common} select value={values[f.name] ?? ''} onChange={(e) => set(f.name)(e.target.value)}>{options(SATISFACTIONS, 'enums.satisfaction')}</MuiTextField>;
              case 'level':
                return <MuiTextField {...common} select value={values[f.name] ?? ''} onChange={(e) => set(f.name)(e.target.value)}>{options(LEVELS, 'enums.superviseLevel')}</MuiTextField>;
              case 'boolean':
                return (
                  <MuiTextField {...common} select value={values[f.name] === undefined ? '' : String(values[f.name])} onChange={(e) => set(f.name)(e.target.value === 'true')}>
                    <MenuItem value="true">{t('ra.boolean.true')}</MenuItem>
                    <MenuItem value="false">{t('ra.boolean.false')}</MenuItem>
                  </MuiTextField>
                );
              case 'days':
              case 'case':
              case 'user':
                return <MuiTextField {...common} type="number" value={values[f.name] ?? ''} onChange={(e) => set(f.name)(e.target.value === '' ? undefined : Number(e.target.value))} />;
              default:
                return <MuiTextField {...common} multiline minRows={2} value={values[f.name] ?? ''} onChange={(e) => set(f.name)(e.target.value)} />;
            }
          })}
          <MuiTextField label={label('note')} multiline minRows={2} value={values.note ?? ''} onChange={(e) => set('note')(e.target.value)} required={spec.action === 'comment'} fullWidth />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy} onClick={() => onSubmit(values)} data-testid="action-submit">
          {t('ra.action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
