import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { PublicPage } from '../layout/PublicPage';
import { useErrorText } from '../components/problem/parse-problem';
import { accountApi } from './account-api';

/**
 * "Forgot your password?" (`/forgot-password`, linked from the sign-in page): sends the address; the
 * answer is the same whether or not it has an account, and so is what the page says.
 */
export function ForgotPasswordPage() {
  const translate = useTranslate();
  const errorText = useErrorText();
  const [email, setEmail] = useState('');
  const [state, setState] = useState<{ kind: 'form' | 'sending' | 'sent' } | { kind: 'failed'; text: string }>({ kind: 'form' });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || state.kind === 'sending') return;
    setState({ kind: 'sending' });
    try {
      await accountApi.forgot(email.trim());
      setState({ kind: 'sent' });
    } catch (error) {
      setState({ kind: 'failed', text: errorText(error) });
    }
  };
  return (
    <PublicPage title={translate('app.account.forgot_title')} maxWidth={440}>
      {state.kind === 'sent' ? (
        <Alert severity="success" role="status">
          <AlertTitle>{translate('app.account.sent_title')}</AlertTitle>
          {translate('app.account.sent_text', { email: email.trim() })}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">{translate('app.account.forgot_intro')}</Typography>
            {state.kind === 'failed' ? <Alert severity="error" role="alert">{state.text}</Alert> : null}
            <TextField
              label={translate('app.account.email')} type="email" name="email" autoComplete="email" required autoFocus
              value={email} onChange={(e) => setEmail(e.target.value)}
            />
            <Button type="submit" variant="contained" disabled={!email.trim() || state.kind === 'sending'}>{translate('app.account.send')}</Button>
          </Stack>
        </form>
      )}
      <Stack sx={{ mt: 3, alignItems: 'center' }}>
        <Link component={RouterLink} to="/login">{translate('app.account.to_login')}</Link>
      </Stack>
    </PublicPage>
  );
}
