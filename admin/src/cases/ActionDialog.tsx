import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormHelperText, MenuItem, Stack, TextField as MuiTextField } from '@mui/material';
import { useState, type ReactElement } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { TemplatePicker } from './TemplatePicker';
import { FilePicker } from '../attachments';
import { actionProblems } from './actionChecks';
import { AssigneeSelect, CasePicker, DepartmentSelect } from './ActionPickers';
import { ExtensionRequestSummary, type ExtensionRequest } from './ExtensionRequestSummary';
import { RulingSummary, type RulingRequest } from './RulingSummary';

export interface ActionSpec {
  action: string;
  label: string;
  fields: { name: string; type: string; required: boolean }[];
  /** On a ruling about an extension, a pause or an appeal: what was asked. */
  request?: ExtensionRequest | RulingRequest;
}

/** Actions whose dialog also takes an optional 办理后照片, uploaded (stage `after`) once the action is done. */
export const PHOTO_ACTIONS = ['reply', 'close_directly'];

const RETURN_REASONS = ['wrong_area', 'unclear_ownership', 'overlapping_duties', 'not_our_duty', 'other'];
const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'];
const LEVELS = ['yellow', 'red'];
const PAUSE_REASONS = ['waiting_resident', 'third_party', 'weather_season', 'legal_procedure'];
const APPEAL_REASONS = ['outside_duties', 'unreasonable_demand', 'malicious_caller', 'unreachable'];
const ENUM_FIELDS: Record<string, [string[], string]> = {
  reason: [RETURN_REASONS, 'enums.returnReason'],
  pauseReason: [PAUSE_REASONS, 'enums.pauseReason'],
  appealReason: [APPEAL_REASONS, 'enums.appealReason'],
  satisfaction: [SATISFACTIONS, 'enums.satisfaction'],
  level: [LEVELS, 'enums.superviseLevel'],
};

type Values = Record<string, unknown>;

/** The fields an action asks for (from the API's transition table), then one POST with the case version. */
export const ActionDialog = ({ spec, onClose, onSubmit, busy }: { spec: ActionSpec; onClose: () => void; onSubmit: (values: Values, photo: File | null) => void; busy: boolean }) => {
  const t = useTranslate();
  const record = useRecordContext();
  const [values, setValues] = useState<Values>({});
  const [photo, setPhoto] = useState<File | null>(null);
  // Problems show once the person has tried to confirm, then follow each change.
  const [tried, setTried] = useState(false);
  const problems = actionProblems(spec, values);
  const problem = (name: string) => (tried && problems[name] ? t(...problems[name]) : undefined);
  const confirm = () => {
    setTried(true);
    if (Object.keys(problems).length === 0) onSubmit(values, photo);
  };
  const set = (name: string) => (v: unknown) => setValues((old) => ({ ...old, [name]: v }));
  const label = (name: string) => t(`app.actions.fields.${name}`);
  // The note is always offered; an overruling or an appeal requires it (the why, the evidence), as a comment does.
  const noteRequired = spec.action === 'comment' || spec.fields.some((f) => f.name === 'note' && f.required);

  const field = (f: ActionSpec['fields'][number]) => {
    const pick = { label: label(f.name), required: f.required };
    const why = problem(f.name);
    const common = { ...pick, fullWidth: true, error: !!why, helperText: why };
    // The pickers own their inputs: their problem is said just below them.
    const withProblem = (picker: ReactElement) => (
      <Box key={f.name}>
        {picker}
        {why && <FormHelperText error>{why}</FormHelperText>}
      </Box>
    );
    const value = values[f.name];
    if (ENUM_FIELDS[f.type]) {
      const [ids, ns] = ENUM_FIELDS[f.type];
      return (
        <MuiTextField key={f.name} {...common} select value={value ?? ''} onChange={(e) => set(f.name)(e.target.value)}>
          {ids.map((id) => (
            <MenuItem key={id} value={id}>
              {t(`${ns}.${id}`)}
            </MenuItem>
          ))}
        </MuiTextField>
      );
    }
    switch (f.type) {
      case 'department':
        // A new unit clears an assignee chosen from the previous one.
        return withProblem(<DepartmentSelect {...pick} value={value} categoryId={record?.categoryId} onChange={(v) => setValues((old) => ({ ...old, [f.name]: v, assigneeId: undefined }))} />);
      case 'user':
        return withProblem(<AssigneeSelect {...pick} value={value} onChange={set(f.name)} departmentId={values.departmentId} />);
      case 'case':
        return withProblem(<CasePicker {...pick} value={value} onChange={set(f.name)} excludeId={record?.id} />);
      case 'boolean':
        return (
          <MuiTextField key={f.name} {...common} select value={value === undefined ? '' : String(value)} onChange={(e) => set(f.name)(e.target.value === 'true')}>
            <MenuItem value="true">{t('ra.boolean.true')}</MenuItem>
            <MenuItem value="false">{t('ra.boolean.false')}</MenuItem>
          </MuiTextField>
        );
      case 'date': {
        const today = new Date().toLocaleDateString('sv-SE'); // YYYY-MM-DD, local
        return <MuiTextField key={f.name} {...common} type="date" slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: today } }} value={value ?? ''} onChange={(e) => set(f.name)(e.target.value || undefined)} />;
      }
      case 'days':
        return <MuiTextField key={f.name} {...common} type="number" slotProps={{ htmlInput: { min: 1, max: 60 } }} value={value ?? ''} onChange={(e) => set(f.name)(e.target.value === '' ? undefined : Number(e.target.value))} />;
      default:
        return <MuiTextField key={f.name} {...common} multiline minRows={2} value={value ?? ''} onChange={(e) => set(f.name)(e.target.value)} />;
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{spec.action === 'dispatch' && record?.status === 'returned' ? t('app.fair.uphold_return') : t(`app.actions.do.${spec.action}`)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {spec.request && 'days' in spec.request && <ExtensionRequestSummary request={spec.request} />}
          {spec.request && !('days' in spec.request) && <RulingSummary action={spec.action} request={spec.request} />}
          {record && <TemplatePicker action={spec.action} caseId={Number(record.id)} onText={set(spec.fields.find((f) => f.type === 'text')?.name ?? 'note')} />}
          {spec.fields.filter((f) => f.name !== 'note').map(field)}
          <MuiTextField label={label('note')} multiline minRows={2} value={values.note ?? ''} onChange={(e) => set('note')(e.target.value)} required={noteRequired} error={!!problem('note')} helperText={problem('note')} fullWidth />
          {PHOTO_ACTIONS.includes(spec.action) && <FilePicker file={photo} onChange={setPhoto} photosOnly label={t('app.attachments.pick_photo')} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy} onClick={confirm} data-testid="action-submit">
          {t('ra.action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
