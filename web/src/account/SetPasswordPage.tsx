import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { PublicPage } from '../layout/PublicPage';
import { parseProblem, useErrorText } from '../components/problem/parse-problem';
import { accountApi, type LinkPurpose } from './account-api';

type State = { kind: 'form' } | { kind: 'saving' } | { kind: 'done'; email: string } | { kind: 'failed'; text: string; field?: string };

/**
 * The page of both mailed links: `/set-password?token=…` (an invitation) and `/reset-password?token=…`
 * (a reset). Sets the password with POST /api/auth/reset-password, then leads to sign-in; a link that
 * does not work (expired, used, not valid) is said in the UI's language, with a way to ask again.
 */
export function SetPasswordPage({ purpose }: { purpose: LinkPurpose }) {
  const translate = useTranslate();
  const errorText = useErrorText();
  const token = new URLSearchParams(useLocation().search).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [state, setState] = useState<State>(token ? { kind: 'form' } : { kind: 'failed', text: translate('app.account.no_token') });
  const mismatch = again !== '' && again !== password;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password || mismatch || state.kind === 'saving') return;
    setState({ kind: 'saving' });
    try {
      const done = await accountApi.reset(token, password, purpose);
      setState({ kind: 'done', email: done.email });
    } catch (error) {
      const problem = parseProblem(error);
      const field = problem.details?.[0]?.field;
      setState({ kind: 'failed', text: errorText(error), field: field === 'password' ? 'password' : undefined });
    }
  };

  const title = translate(purpose === 'invitation' ? 'app.account.set_title' : 'app.account.reset_title');
  if (state.kind === 'done') {
    return (
      <PublicPage title={title} maxWidth={440}>
        <Alert severity="success" role="status">
          <AlertTitle>{translate('app.account.done_title')}</AlertTitle>
          {translate('app.account.done_text', { email: state.email })}
        </Alert>
        <Stack sx={{ mt: 3, alignItems: 'center' }}>
          <Button component={RouterLink} to="/login" variant="contained">{translate('app.account.to_login')}</Button>
        </Stack>
      </PublicPage>
    );
  }
  // A refused link cannot be retried with another password; a refused password can.
  const linkFailed = state.kind === 'failed' && state.field !== 'password';
  return (
    <PublicPage title={title} maxWidth={440}>
      {linkFailed ? (
        <Alert severity="error" role="alert">
          <AlertTitle>{translate('app.account.failed_title')}</AlertTitle>
          {state.text}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              {translate(purpose === 'invitation' ? 'app.account.intro_invitation' : 'app.account.intro_reset')}
            </Typography>
            <TextField
              label={translate('app.account.password')} type="password" name="password" autoComplete="new-password" required autoFocus
              value={password} onChange={(e) => setPassword(e.target.value)}
              error={state.kind === 'failed'} helperText={state.kind === 'failed' ? state.text : translate('app.account.password_rules')}
            />
            <TextField
              label={translate('app.account.password_again')} type="password" name="passwordAgain" autoComplete="new-password" required
              value={again} onChange={(e) => setAgain(e.target.value)}
              error={mismatch} helperText={mismatch ? translate('app.account.mismatch') : ' '}
            />
            <Button type="submit" variant="contained" disabled={!password || !again || mismatch || state.kind === 'saving'}>
              {translate('app.account.save')}
            </Button>
          </Stack>
        </form>
      )}
      <Stack direction="row" spacing={3} sx={{ mt: 3, justifyContent: 'center' }}>
        {linkFailed ? <Link component={RouterLink} to="/forgot-password">{translate('app.account.ask_again')}</Link> : null}
        <Link component={RouterLink} to="/login">{translate('app.account.to_login')}</Link>
      </Stack>
    </PublicPage>
  );
}
