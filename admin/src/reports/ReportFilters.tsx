import { Autocomplete, MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useGetList, useGetOne, useTranslate } from 'react-admin';
import { GROUP_BYS, type GroupBy } from './api';
import { matchingPick, QUICK_PICKS, quickPick, type Period } from './period';

/** From and to dates (inclusive), with the quick picks 本周 本月 上月 近30天. */
export const PeriodPicker = ({ value, onChange }: { value: Period; onChange: (p: Period) => void }) => {
  const t = useTranslate();
  const pick = matchingPick(value);
  return (
    <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
      <TextField
        type="date"
        size="small"
        fullWidth={false}
        sx={{ width: 170 }}
        label={t('app.reports.from')}
        value={value.from}
        onChange={(e) => e.target.value && onChange({ ...value, from: e.target.value })}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: value.to, 'data-testid': 'period-from' } }}
      />
      <TextField
        type="date"
        size="small"
        fullWidth={false}
        sx={{ width: 170 }}
        label={t('app.reports.to')}
        value={value.to}
        onChange={(e) => e.target.value && onChange({ ...value, to: e.target.value })}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: value.from, 'data-testid': 'period-to' } }}
      />
      <ToggleButtonGroup size="small" exclusive value={pick ?? null} onChange={(_, p) => p && onChange(quickPick(p))}>
        {QUICK_PICKS.map((p) => (
          <ToggleButton key={p} value={p} data-testid={`pick-${p}`}>
            {t(`app.reports.picks.${p}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </Stack>
  );
};

interface Unit {
  id: number;
  name: string;
  fullName?: string;
  level: string;
}

const SCOPE_LEVELS = ['subdistrict', 'community', 'zone', 'grid'];

/** A grid unit to report on (its whole subtree), searched by any part of its path; empty means the user's own scope. */
export const UnitPicker = ({ value, fallbackId, onChange }: { value?: number; fallbackId?: number | null; onChange: (id?: number) => void }) => {
  const t = useTranslate();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(input), 250);
    return () => clearTimeout(timer);
  }, [input]);
  const shownId = value ?? fallbackId ?? undefined;
  const { data: selected } = useGetOne<Unit>('grid-units', { id: shownId as number }, { enabled: shownId != null });
  const { data: found = [], isPending } = useGetList<Unit>('grid-units', {
    filter: { level: SCOPE_LEVELS, ...(q ? { q } : {}) },
    sort: { field: 'path', order: 'ASC' },
    pagination: { page: 1, perPage: 50 },
  });
  const options = useMemo(() => (selected && !found.some((u) => u.id === selected.id) ? [selected, ...found] : found), [found, selected]);
  return (
    <Autocomplete<Unit>
      size="small"
      fullWidth={false}
      sx={{ width: 320 }}
      options={options}
      loading={isPending}
      value={selected && shownId != null ? selected : null}
      onChange={(_, u) => onChange(u?.id)}
      onInputChange={(_, text, reason) => reason === 'input' && setInput(text)}
      filterOptions={(x) => x}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={(u) => u.fullName ?? u.name}
      renderOption={(props, u) => (
        <li {...props} key={u.id}>
          {u.fullName ?? u.name}（{t(`enums.level.${u.level}`, { _: u.level })}）
        </li>
      )}
      renderInput={(params) => <TextField {...params} fullWidth label={t('app.reports.scope')} placeholder={t('app.reports.scope_all')} data-testid="scope-picker" />}
    />
  );
};

export const GroupByPicker = ({ value, onChange }: { value: GroupBy; onChange: (g: GroupBy) => void }) => {
  const t = useTranslate();
  return (
    <TextField select size="small" label={t('app.reports.group_by')} value={value} onChange={(e) => onChange(e.target.value as GroupBy)} fullWidth={false} sx={{ width: 150 }} data-testid="group-by">
      {GROUP_BYS.map((g) => (
        <MenuItem key={g} value={g}>
          {t(`app.reports.groups.${g}`)}
        </MenuItem>
      ))}
    </TextField>
  );
};
