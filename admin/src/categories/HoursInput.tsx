import { MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { FieldTitle, InputHelperText, useInput, useRecordContext, useResourceContext, useTranslate, type InputProps } from 'react-admin';
import { useAppliedLimits, useFormatLimit } from './AppliedLimitField';
import { fromHours, toHours, type DurationUnit } from './duration';

/**
 * A limit kept in hours, typed in minutes or hours (a unit picker beside the amount): 紧急签收 is 30 分钟, not
 * 0.25 小时. Empty means "inherit", as the API has it.
 */
export const HoursInput = (props: InputProps) => {
  const t = useTranslate();
  const resource = useResourceContext(props);
  const { field, fieldState, isRequired } = useInput(props);
  const record = useRecordContext<{ id: number }>();
  const { data: applied } = useAppliedLimits();
  const format = useFormatLimit();
  const hours = typeof field.value === 'number' ? field.value : null;
  const [unit, setUnit] = useState<DurationUnit>(hours !== null ? fromHours(hours).unit : 'hours');
  const [text, setText] = useState(hours !== null ? String(fromHours(hours).amount) : '');
  // The value changed from outside (a record loaded, or the form reset to another record): show it, in its unit.
  useEffect(() => {
    const typed = text.trim() === '' || !Number.isFinite(Number(text)) ? null : toHours({ amount: Number(text), unit });
    if (typed === hours) return;
    if (hours === null) {
      setText('');
      return;
    }
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
  // Left empty, the field inherits: say what from the saved record's chain (a new category's parent is not known here).
  const inherited = record && applied?.get(record.id)?.[props.source as 'signForHours'];
  const inheritedHours = inherited && inherited.from !== record.id ? Number(inherited.value) : undefined;
  const hint = hours === null && inheritedHours !== undefined ? t('app.limits.inherits', { value: format(inheritedHours) }) : ' ';
  // An empty field offers the inherited limit's unit: overriding 30 分钟 is typed in minutes.
  useEffect(() => {
    if (hours === null && inheritedHours !== undefined) setUnit(fromHours(inheritedHours).unit);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hours, inheritedHours]);
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
        helperText={error ? <InputHelperText error={error} /> : hint}
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
