import { Button, Grid, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { Create, DateTimeInput, maxLength, required, SelectInput, SimpleForm, TextInput, useNotify, useRedirect, useTranslate } from 'react-admin';
import { uploadAttachment, useUploadErrorText } from '../attachments';
import { getUser } from '../authProvider';
import { choices, PRIORITIES, TYPES } from '../common/choices';
import { PathReferenceInput } from '../common/PathInput';
import { useRefreshTodo } from '../todo';
import { CallerCard } from './intake/CallerCard';
import { CallerLookup } from './intake/CallerLookup';
import { ChannelInput, presetChannel, rememberChannel } from './intake/ChannelInput';
import { answerIntake, mergeIntake, type Caller, type Duplicate, type Suggestion } from './intake/deskApi';
import { ArticlePanel } from './intake/ArticlePanel';
import { DuplicatePanel } from './intake/DuplicatePanel';
import { FieldCapture } from './intake/FieldCapture';
import { toIntakeRequest } from './intake/intakeRequest';

interface DeskState {
  caller: Caller | null;
  setCaller: (c: Caller | null) => void;
  photo: File | null;
  setPhoto: (f: File | null) => void;
}

/** The form and, beside it (below it on a phone), the caller and the possible duplicates. */
const IntakeDesk = ({ caller, setCaller, photo, setPhoto }: DeskState) => {
  const t = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const refreshTodo = useRefreshTodo();
  const { setValue, trigger, getValues } = useFormContext();
  const [merging, setMerging] = useState(false);
  const scope = getUser()?.scopeUnitId;

  const pick = (c: Caller) => {
    setCaller(c);
    setValue('residentId', c.id, { shouldDirty: true });
    setValue('reporterName', c.name, { shouldDirty: true });
    setValue('address', c.address ?? '', { shouldDirty: true });
    setValue('gridUnitId', c.gridUnitId, { shouldDirty: true, shouldValidate: true });
  };
  const unlink = () => {
    setCaller(null);
    setValue('residentId', null, { shouldDirty: true });
  };
  // 并入此件 and 用此答复: the form must be complete (the new request is logged too), then one request does both.
  const logAnd = async (send: (values: Record<string, unknown>) => Promise<{ id: number; number: string }>, done: (made: { id: number; number: string }) => void) => {
    if (!(await trigger())) return notify('app.intake.fix_first', { type: 'warning' });
    setMerging(true);
    try {
      const made = await send(toIntakeRequest(getValues()));
      rememberChannel(getValues('channelId'));
      refreshTodo();
      done(made);
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { type: 'error' });
    } finally {
      setMerging(false);
    }
  };
  const merge = (into: Duplicate) =>
    logAnd(
      (values) => mergeIntake(values, into.id),
      (made) => {
        notify('app.intake.merged', { type: 'success', messageArgs: { number: made.number, into: into.number } });
        redirect('show', 'cases', into.id);
      },
    );
  const answer = (article: Suggestion) =>
    logAnd(
      (values) => answerIntake(values, article.id),
      (made) => {
        notify('app.knowledge.answered', { type: 'success', messageArgs: { number: made.number, title: article.title } });
        redirect('show', 'cases', made.id);
      },
    );

  return (
    <Grid container spacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, md: 7 }}>
        <CallerLookup picked={caller} onPick={pick} />
        {caller && (
          <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
            <Typography variant="body2">{t('app.intake.linked', { name: caller.name })}</Typography>
            <Button size="small" onClick={unlink}>
              {t('app.intake.unlink')}
            </Button>
          </Stack>
        )}
        <TextInput source="reporterName" validate={maxLength(50)} fullWidth />
        <ChannelInput />
        <TextInput source="title" validate={[required(), maxLength(200)]} fullWidth />
        <TextInput source="description" multiline minRows={3} validate={maxLength(5000)} fullWidth />
        <SelectInput source="type" choices={choices('type', TYPES)} validate={required()} />
        <PathReferenceInput source="categoryId" reference="categories" required />
        {/* Only units in the user's own scope: the API refuses the others. */}
        <PathReferenceInput source="gridUnitId" reference="grid-units" required filter={scope ? { unitId: scope } : undefined} />
        <TextInput source="address" validate={maxLength(200)} fullWidth />
        <FieldCapture photo={photo} onPhoto={setPhoto} />
        <SelectInput source="priority" choices={choices('priority', PRIORITIES)} />
        <DateTimeInput source="receivedAt" />
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Stack spacing={2}>
          {caller && <CallerCard caller={caller} />}
          <DuplicatePanel onMerge={merge} busy={merging} />
          <ArticlePanel onAnswer={answer} busy={merging} />
        </Stack>
      </Grid>
    </Grid>
  );
};

/**
 * 登记诉求, caller first: the number, then who it is (filled from the resident picked), what and where;
 * possible duplicates alongside; a photo taken in the form goes up once the case exists.
 */
export const CaseCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const t = useTranslate();
  const refreshTodo = useRefreshTodo();
  const uploadError = useUploadErrorText();
  const [caller, setCaller] = useState<Caller | null>(null);
  const [photo, setPhoto] = useState<File | null>(null);
  return (
    <Create
      transform={toIntakeRequest}
      mutationOptions={{
        onSuccess: async (data: { id: number; number: string; channelId: number }) => {
          rememberChannel(data.channelId);
          notify(t('app.cases.number_created', { number: data.number }), { type: 'success' });
          if (photo) {
            try {
              await uploadAttachment(data.id, photo, 'before');
            } catch (e) {
              notify(uploadError(e), { type: 'warning' });
            }
          }
          refreshTodo();
          redirect('show', 'cases', data.id);
        },
      }}
    >
      <SimpleForm defaultValues={{ type: 'help', priority: 'normal', channelId: presetChannel() }}>
        <IntakeDesk caller={caller} setCaller={setCaller} photo={photo} setPhoto={setPhoto} />
      </SimpleForm>
    </Create>
  );
};
