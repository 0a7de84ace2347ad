import { useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { PublicPage } from '../layout/PublicPage';
import { fieldProblems, parseProblem, useErrorText } from '../components/problem/parse-problem';
import { checkCertificate, type CheckAnswer } from './check-api';

type Field = 'number' | 'name';
type Outcome = { kind: 'answer'; answer: CheckAnswer } | { kind: 'failed'; text: string } | null;

/**
 * The public certificate check (`/check`, no sign-in): an employer enters a certificate number and
 * the holder's name and learns whether the programme issued it, with its kind, level and issue date;
 * any other case reads as one neutral sentence (the server answers them alike). The answer is announced
 * (a live region), field problems are tied to their inputs.
 */
export function CertificateCheckPage() {
  const translate = useTranslate();
  const errorText = useErrorText();
  const [form, setForm] = useState<Record<Field, string>>({ number: '', name: '' });
  const [checked, setChecked] = useState(false);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [serverFields, setServerFields] = useState<Record<string, string>>({});
  const inputs = { number: useRef<HTMLInputElement>(null), name: useRef<HTMLInputElement>(null) };

  const errorOf = (field: Field) => (checked && !form[field].trim() ? translate('app.check.required') : undefined) ?? serverFields[field];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setServerFields({});
    // A field left empty: focus goes to it, so that a screen reader reads its label and its problem.
    const empty = (['number', 'name'] as const).find((f) => !form[f].trim());
    if (empty) {
      inputs[empty].current?.focus();
      return;
    }
    setSending(true);
    setOutcome(null);
    try {
      setOutcome({ kind: 'answer', answer: await checkCertificate(form.number.trim(), form.name.trim()) });
    } catch (error) {
      const problem = parseProblem(error);
      const fields = Object.fromEntries(Object.entries(fieldProblems(problem, translate)).map(([k, v]) => [k.replace(/^querystring\./, ''), v]));
      setServerFields(fields);
      const first = (['number', 'name'] as const).find((f) => fields[f]);
      if (first) inputs[first].current?.focus();
      setOutcome(Object.keys(fields).length ? null : { kind: 'failed', text: errorText(error) });
    } finally {
      setSending(false);
    }
  };

  const text = (field: Field, label: string, autoFocus = false) => (
    <TextField
      label={translate(label)}
      name={field}
      value={form[field]}
      onChange={(e) => setForm((f) => ({ ...f, [field]: e.target.value }))}
      error={!!errorOf(field)}
      helperText={errorOf(field) ?? ' '}
      required
      fullWidth
      autoFocus={autoFocus}
      autoComplete="off"
      inputRef={inputs[field]}
      disabled={sending}
      slotProps={{ htmlInput: { maxLength: 150 } }}
    />
  );

  return (
    <PublicPage title={translate('app.check.title')} maxWidth={520}>
      <form onSubmit={onSubmit} noValidate>
        <Stack spacing={1.5}>
          <Typography variant="body2" color="text.secondary">{translate('app.check.intro')}</Typography>
          {text('number', 'app.check.number', true)}
          {text('name', 'app.check.name')}
          <Button type="submit" variant="contained" size="large" disabled={sending} startIcon={sending ? <CircularProgress size={18} color="inherit" /> : null}>
            {translate('app.check.submit')}
          </Button>
        </Stack>
      </form>
      <Box role="status" aria-live="polite" sx={{ mt: outcome ? 3 : 0 }}>
        {outcome?.kind === 'answer' && outcome.answer.valid ? (
          <Alert severity="success">
            <AlertTitle>{translate('app.check.valid_title')}</AlertTitle>
            <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, '& dd': { m: 0 } }}>
              <dt>{translate('app.check.kind')}</dt>
              <dd>{translate(`app.certificate_kind.${outcome.answer.kind}`, { _: outcome.answer.kind })}</dd>
              {outcome.answer.level ? <><dt>{translate('app.check.level')}</dt><dd>{translate(`app.cert_level.${outcome.answer.level}`, { _: outcome.answer.level })}</dd></> : null}
              <dt>{translate('app.check.issued_on')}</dt>
              <dd>{outcome.answer.issuedOn}</dd>
            </Box>
          </Alert>
        ) : outcome?.kind === 'answer' ? (
          <Alert severity="info">{translate('app.check.not_valid')}</Alert>
        ) : null}
      </Box>
      {outcome?.kind === 'failed' ? (
        <Alert severity="error" role="alert" sx={{ mt: 3 }}>
          <AlertTitle>{translate('app.check.failed')}</AlertTitle>
          {outcome.text}
        </Alert>
      ) : null}
      <Box sx={{ mt: 3, textAlign: 'center' }}>
        <Link component={RouterLink} to="/login">{translate('app.check.back_to_login')}</Link>
      </Box>
    </PublicPage>
  );
}
