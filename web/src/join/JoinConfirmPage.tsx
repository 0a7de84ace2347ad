import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { PublicPage } from '../layout/PublicPage';
import { parseProblem, useErrorText } from '../components/problem/parse-problem';
import { joinApi } from './join-api';

type State = { kind: 'working' } | { kind: 'done' } | { kind: 'failed'; text: string; code?: string };

/**
 * The page of the mailed link (`/join/confirm?token=…`): confirms the e-mail address once, then says
 * what happens next, or why the link did not work (expired, used, not valid) in the UI's language.
 */
export function JoinConfirmPage() {
  const translate = useTranslate();
  const errorText = useErrorText();
  const token = new URLSearchParams(useLocation().search).get('token') ?? '';
  const [state, setState] = useState<State>(token ? { kind: 'working' } : { kind: 'failed', text: translate('app.join.confirm.no_token') });
  // A token works once: the request is sent once, whatever re-renders (and StrictMode's second effect) do.
  const sent = useRef(false);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    joinApi.confirm(token).then(
      () => setState({ kind: 'done' }),
      (error) => setState({ kind: 'failed', text: errorText(error), code: parseProblem(error).code }),
    );
  }, [token, errorText]);

  return (
    <PublicPage title={translate('app.join.confirm.title')} maxWidth={520}>
      {state.kind === 'working' ? (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'center' }}>
          <CircularProgress size={24} />
          <Typography>{translate('app.join.confirm.working')}</Typography>
        </Stack>
      ) : state.kind === 'done' ? (
        <Alert severity="success" role="status">
          <AlertTitle>{translate('app.join.confirm.done_title')}</AlertTitle>
          {translate('app.join.confirm.done_text')}
        </Alert>
      ) : (
        // A used link means the address is confirmed already: not an error for the requester.
        <Alert severity={state.code === 'join_token_used' ? 'info' : 'error'} role="alert">
          <AlertTitle>{translate(state.code === 'join_token_used' ? 'app.join.confirm.done_title' : 'app.join.confirm.failed_title')}</AlertTitle>
          {state.text}
        </Alert>
      )}
      <Stack direction="row" spacing={3} sx={{ mt: 3, justifyContent: 'center' }}>
        {state.kind === 'failed' && state.code !== 'join_token_used' ? <Link component={RouterLink} to="/join">{translate('app.join.confirm.again')}</Link> : null}
        <Box><Link component={RouterLink} to="/login">{translate('app.join.back_to_login')}</Link></Box>
      </Stack>
    </PublicPage>
  );
}
