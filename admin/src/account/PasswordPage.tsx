import { Card, CardContent } from '@mui/material';
import { Form, HttpError, PasswordInput, SaveButton, Title, Toolbar, required, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { replaceSession } from '../authProvider';
import { API_URL, httpClient } from '../dataProvider';

interface Values {
  currentPassword: string;
  password: string;
  repeat: string;
}

/** The same rule the API holds (users/dto/user.dto.ts): checked here so the form answers before it sends. */
const MIN_LENGTH = 8;

/**
 * 修改密码: the signed-in user's own new password, given the current one. The API ends every earlier session of
 * the user (other devices too) and answers a new token, which this tab keeps, so the user stays signed in here.
 */
export const PasswordPage = () => {
  const t = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const validate = (v: Values) => {
    const errors: Partial<Record<keyof Values, string>> = {};
    if (v.password && v.password.length < MIN_LENGTH) errors.password = t('app.password.too_short', { min: MIN_LENGTH });
    if (v.repeat !== v.password) errors.repeat = t('app.password.mismatch');
    return errors;
  };
  const submit = async (values: Partial<Values>) => {
    try {
      const { json } = await httpClient(`${API_URL}/auth/me/password`, { method: 'PUT', body: JSON.stringify({ currentPassword: values.currentPassword, password: values.password }) });
      replaceSession(json.token, json.user);
      notify('app.password.saved', { type: 'success' });
      navigate('/');
    } catch (e) {
      // The API names the field it refuses (a wrong current password): shown beside that field.
      if (e instanceof HttpError && e.body?.errors) return e.body.errors as Record<string, string>;
      notify(e instanceof Error ? e.message : String(e), { type: 'error' });
    }
  };
  return (
    <Card sx={{ mt: 2, maxWidth: 480 }}>
      <Title title={t('app.password.title')} />
      <CardContent>
        <Form onSubmit={submit as never} validate={validate as never}>
          <PasswordInput source="currentPassword" label="app.password.current" validate={required()} autoComplete="current-password" fullWidth />
          <PasswordInput source="password" label="app.password.new" validate={required()} autoComplete="new-password" fullWidth />
          <PasswordInput source="repeat" label="app.password.repeat" validate={required()} autoComplete="new-password" fullWidth />
          <p style={{ fontSize: 14, opacity: 0.7 }}>{t('app.password.hint')}</p>
          <Toolbar sx={{ px: 0 }}>
            <SaveButton label="app.password.save" alwaysEnable />
          </Toolbar>
        </Form>
      </CardContent>
    </Card>
  );
};
