import { Autocomplete, MenuItem, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useGetList, useTranslate, type RaRecord } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { OPEN_STATUSES } from '../common/choices';
import { dispatchUnits } from './intake/deskApi';

interface PickerProps {
  value: unknown;
  onChange: (v: number | undefined) => void;
  label: string;
  required?: boolean;
}

/**
 * 责任单位: for a case of a category, the category's own unit chosen at once and the others in the order
 * they took this category lately (GET /cases/dispatch-units); without one, the active units by name.
 */
export const DepartmentSelect = ({ value, onChange, label, required, categoryId }: PickerProps & { categoryId?: number }) => {
  const t = useTranslate();
  const byName = useGetList('departments', { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' }, filter: { active: true } }, { enabled: categoryId == null });
  const ordered = useQuery({ queryKey: ['dispatch-units', categoryId], queryFn: () => dispatchUnits(categoryId!), enabled: categoryId != null });
  const units: { id: number; name: string; took?: number; suggested?: boolean }[] = (categoryId != null ? ordered.data : byName.data) ?? [];
  const suggested = units.find((u) => u.suggested)?.id;
  useEffect(() => {
    if (value == null && suggested != null) onChange(suggested);
  }, [value, suggested, onChange]);
  return (
    <TextField select label={label} value={units.length ? (value ?? '') : ''} onChange={(e) => onChange(Number(e.target.value))} fullWidth required={required} data-testid="department-select">
      {units.map((d) => (
        <MenuItem key={d.id} value={d.id}>
          {d.name}
          {d.suggested ? ` · ${t('app.actions.category_unit')}` : d.took ? ` · ${t('app.actions.took', { smart_count: d.took })}` : ''}
        </MenuItem>
      ))}
    </TextField>
  );
};

/** 经办人: optional, among the active staff of the unit chosen above. */
export const AssigneeSelect = ({ value, onChange, label, departmentId }: PickerProps & { departmentId: unknown }) => {
  const t = useTranslate();
  const unit = typeof departmentId === 'number' ? departmentId : undefined;
  const { data = [] } = useGetList(
    'users',
    { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' }, filter: { departmentId: unit, active: true } },
    { enabled: unit != null },
  );
  return (
    <TextField
      select
      label={label}
      value={unit != null && data.some((u) => u.id === value) ? value : ''}
      onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      disabled={unit == null}
      helperText={unit == null ? t('app.actions.pick_unit_first') : undefined}
      fullWidth
    >
      <MenuItem value="">
        <em>{t('app.actions.assignee_none')}</em>
      </MenuItem>
      {data.map((u) => (
        <MenuItem key={u.id} value={u.id}>
          {u.name}
        </MenuItem>
      ))}
    </TextField>
  );
};

const caseLabel = (c: RaRecord) => `${c.number} · ${c.title}`;

/** 并入工单: searches the open cases by number, title or keyword, never offering the case itself. */
export const CasePicker = ({ onChange, label, required, excludeId }: PickerProps & { excludeId: unknown }) => {
  const t = useTranslate();
  const [input, setInput] = useState('');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<RaRecord | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data = [], isFetching } = useGetList('cases', {
    filter: { status: [...OPEN_STATUSES], ...(q ? { q } : {}) },
    sort: { field: 'receivedAt', order: 'DESC' },
    pagination: { page: 1, perPage: 20 },
  });
  const found = data.filter((c) => c.id !== excludeId);
  const options = selected && !found.some((c) => c.id === selected.id) ? [selected, ...found] : found;
  return (
    <Autocomplete
      options={options}
      value={selected}
      onChange={(_, c) => {
        setSelected(c);
        onChange(c ? Number(c.id) : undefined);
      }}
      inputValue={input}
      onInputChange={(_, v, reason) => {
        setInput(v);
        // Showing the chosen case's label is not a new search.
        if (reason !== 'reset') setTyped(v);
      }}
      filterOptions={(x) => x}
      getOptionLabel={caseLabel}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      loading={isFetching}
      loadingText={t('ra.page.loading')}
      noOptionsText={t('app.actions.no_cases')}
      renderInput={(params) => <TextField {...params} label={label} required={required} helperText={t('app.actions.case_search')} />}
    />
  );
};
