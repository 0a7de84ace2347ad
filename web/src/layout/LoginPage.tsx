import { useEffect, useId, useRef, useState, type FormEvent, type Ref } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Link from '@mui/material/Link';
import CardContent from '@mui/material/CardContent';
import CircularProgress from '@mui/material/CircularProgress';
import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput from '@mui/material/OutlinedInput';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import SchoolIcon from '@mui/icons-material/School';
import { Link as RouterLink } from 'react-router-dom';
import { useLogin, useTranslate, type HttpError } from 'react-admin';
import { useDocumentLanguage } from './useDocumentLanguage';
import { useErrorText } from '../components/problem/parse-problem';
import { MuiLocale } from './MuiLocale';
import { loadMessages } from '../i18n';
import { LocaleSwitch } from './LocaleSwitch';

interface FieldProps {
  label: string;
  type: string;
  name: string;
  autoComplete: string;
  autoFocus?: boolean;
  inputRef: Ref<HTMLInputElement>;
  value: string;
  onChange: (value: string) => void;
  error: boolean;
  helperText: string;
  /** Replaces the helper text as the input's description. */
  describedBy?: string;
  disabled: boolean;
}

/**
 * An outlined text field, as MUI's <TextField> renders it (label, input, helper text, the same ids and description),
 * from its parts: <TextField> imports <Select> and with it MUI's menu, popover and modal, which the sign-in page would
 * download for nothing (issue 16 item 4).
 */
function Field({ label, helperText, describedBy, error, disabled, inputRef, onChange, ...input }: FieldProps) {
  const id = useId();
  const helperId = `${id}-helper-text`;
  return (
    <FormControl variant="outlined" fullWidth error={error} disabled={disabled}>
      <InputLabel htmlFor={id} id={`${id}-label`}>{label}</InputLabel>
      <OutlinedInput
        id={id}
        label={label}
        inputRef={inputRef}
        onChange={(e) => onChange(e.target.value)}
        inputProps={{ 'aria-describedby': describedBy ?? helperId }}
        {...input}
      />
      <FormHelperText id={helperId}>{helperText}</FormHelperText>
    </FormControl>
  );
}

/**
 * Sign-in with email and password. A refusal shows the server's own message (wrong credentials,
 * or how long to wait after too many attempts) in place, under a translated heading.
 */
export function LoginPage() {
  useDocumentLanguage();
  const translate = useTranslate();
  const errorText = useErrorText();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<{ status?: number; message: string } | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  // After a refusal the fields were disabled while asking, so focus fell to <body>: it goes back to
  // the password (described by the announced alert), to type it again (WCAG 2.4.3, 3.3.1).
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    if (refused) passwordRef.current?.focus();
  }, [refused]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!email.trim() || !password) {
      (email.trim() ? passwordRef : emailRef).current?.focus();
      return;
    }
    setLoading(true);
    setError(null);
    try {
      await login({ email, password });
    } catch (e) {
      const err = e as HttpError;
      // The problem codes' words are in the full catalogue, which the sign-in page does not load before it needs them
      // (not for the 401 of the session check either, which nobody sees).
      await loadMessages();
      // Worded by the problem's code (login_failed, too_many_sign_ins…) in the UI's language.
      setError({ status: err?.status, message: errorText(e) || translate('ra.auth.sign_in_error') });
      setLoading(false);
      setRefused((n) => n + 1);
    }
  };

  const emailMissing = submitted && !email.trim();
  const passwordMissing = submitted && !password;

  return (
    <MuiLocale>
    <Box
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg, #1f2430 0%, #283593 55%, #ff6a00 140%)',
        p: 2,
      }}
    >
      <Box sx={{ position: 'absolute', top: 8, right: 8, color: '#fff' }}>
        <LocaleSwitch />
      </Box>
      <Card sx={{ width: '100%', maxWidth: 400 }} elevation={8}>
        <CardContent sx={{ p: 4 }}>
          <Stack spacing={1} sx={{ mb: 3, alignItems: 'center' }}>
            <Box sx={{ bgcolor: 'primary.main', color: '#fff', borderRadius: 2, p: 1, display: 'flex' }}>
              <SchoolIcon fontSize="large" />
            </Box>
            <Typography variant="h5" component="h1" sx={{ fontWeight: 600, textAlign: 'center' }}>{translate('app.title')}</Typography>
            <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'center' }}>{translate('app.subtitle')}</Typography>
          </Stack>
          <form onSubmit={onSubmit} noValidate>
            <Stack spacing={2}>
              {error ? (
                <Alert severity="error" role="alert" id="login-error">
                  <AlertTitle>{translate(error.status === 429 ? 'app.login.throttled' : 'app.login.failed')}</AlertTitle>
                  {error.message}
                </Alert>
              ) : (
                <Typography variant="body2" color="text.secondary">{translate('app.login.intro')}</Typography>
              )}
              <Field
                label={translate('app.login.email')}
                type="email"
                name="email"
                autoComplete="username"
                autoFocus
                inputRef={emailRef}
                value={email}
                onChange={setEmail}
                error={emailMissing}
                helperText={emailMissing ? translate('app.login.email_required') : ' '}
                disabled={loading}
              />
              <Field
                label={translate('app.login.password')}
                type="password"
                name="password"
                autoComplete="current-password"
                inputRef={passwordRef}
                describedBy={error ? 'login-error' : undefined}
                value={password}
                onChange={setPassword}
                error={passwordMissing}
                helperText={passwordMissing ? translate('app.login.password_required') : ' '}
                disabled={loading}
              />
              <Button type="submit" variant="contained" size="large" disabled={loading} startIcon={loading ? <CircularProgress size={18} color="inherit" /> : null}>
                {translate('app.login.submit')}
              </Button>
              <Link component={RouterLink} to="/forgot-password" variant="body2" sx={{ textAlign: 'center' }}>{translate('app.account.forgot_link')}</Link>
              <Link component={RouterLink} to="/join" variant="body2" sx={{ textAlign: 'center' }}>{translate('app.login.join_link')}</Link>
              <Link component={RouterLink} to="/check" variant="body2" sx={{ textAlign: 'center' }}>{translate('app.login.check_link')}</Link>
            </Stack>
          </form>
        </CardContent>
      </Card>
    </Box>
    </MuiLocale>
  );
}
