import { MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { FieldTitle, InputHelperText, useInput, useResourceContext, useTranslate, type InputProps } from 'react-admin';
import { fromHours, toHours, type DurationUnit } from './duration';

/**
 * A limit kept in hours, typed in minutes or hours (a unit picker beside the amount): 紧急签收 is 30 分钟, not
 * 0.25 小时. Empty means "inherit", as the API has it.
 */
export const HoursInput = (props: InputProps) => {
  const t = useTranslate();
  const resource = useResourceContext(props);
  const { field, fieldState, isRequired } = useInput(props);
  const hours = typeof field.value === 'number' ? field.value : null;
  const [unit, setUnit] = useState<DurationUnit>(hours !== null ? fromHours(hours).unit : 'hours');
  const [text, setText] = useState(hours !== null ? String(fromHours(hours).amount) : '');
  // A record loaded after the first render (edit page) sets the amount and its unit once.
  useEffect(() => {
    if (hours === null || toHours({ amount: Number(text), unit }) === hours) return;
    const d = fromHours(hours);
    setUnit(d.unit);
    setText(String(d.amount));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hours]);
  const send = (nextText: string, nextUnit: DurationUnit) => {
    const n = Number(nextText);
    field.onChange(nextText.trim() === '' || !Number.isFinite(n) ? null : toHours({ amount: n, unit: nextUnit }));
  };
  const error = fieldState.invalid ? fieldState.error?.message : undefined;
  return (
    <Stack direction="row" spacing={1} sx={{ mb: 1 }}>
      <TextField
        type="number"
        size="small"
        label={<FieldTitle label={props.label} source={props.source} resource={resource} isRequired={isRequired} />}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          send(e.target.value, unit);
        }}
        onBlur={field.onBlur}
        error={!!error}
        helperText={error ? <InputHelperText error={error} /> : ' '}
        slotProps={{ htmlInput: { min: 0, step: 'any', name: field.name, 'data-testid': `${props.source}-amount` } }}
        sx={{ width: 200 }}
      />
      <TextField
        select
        size="small"
        value={unit}
        onChange={(e) => {
          const next = e.target.value as DurationUnit;
          setUnit(next);
          send(text, next);
        }}
        label={t('app.limits.unit')}
        slotProps={{ htmlInput: { 'data-testid': `${props.source}-unit` } }}
        sx={{ width: 100 }}
      >
        <MenuItem value="minutes">{t('app.limits.minutes_unit')}</MenuItem>
        <MenuItem value="hours">{t('app.limits.hours_unit')}</MenuItem>
      </TextField>
    </Stack>
  );
};
