import { useEffect, useState, type FormEvent } from 'react';
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
import { tiers } from '@campus/common';
import { PublicPage } from '../layout/PublicPage';
import { fieldProblems, parseProblem, useErrorText, type Problem } from '../components/problem/parse-problem';
import { joinApi, type JoinForm } from './join-api';

/** The server's limits (server/src/modules/join-requests/join-limits.ts), checked here first. */
const limits = { schoolName: 100, province: 20, contactName: 100, email: 200, phone: 30 } as const;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^[0-9+\-\s()]{6,30}$/;

const empty: JoinForm = { schoolName: '', province: '', kind: '', contactName: '', email: '', phone: '', tier: '', website: '' };
type Field = Exclude<keyof JoinForm, 'website'>;

/**
 * The public join page (no sign-in, linked from the sign-in page): a school not yet in the programme
 * asks to join. Sent, it says "check your e-mail" whatever the server did with it; a refusal shows
 * each field's problem under it and the rest above the form, in the UI's language.
 */
export function JoinPage() {
  const translate = useTranslate();
  const errorText = useErrorText();
  const [form, setForm] = useState<JoinForm>(empty);
  const [provinces, setProvinces] = useState<string[] | null>(null);
  const [checked, setChecked] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<{ parsed: Problem; text: string } | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    joinApi.provinces().then((list) => { if (live) setProvinces(list); }, () => { if (live) setProvinces([]); });
    return () => { live = false; };
  }, []);

  const set = (field: keyof JoinForm) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));

  const localProblem = (field: Field): string | undefined => {
    const value = form[field].trim();
    if (!value) return translate('app.join.required');
    const max = (limits as Record<string, number>)[field];
    if (max && value.length > max) return translate('app.join.too_long', { max });
    if (field === 'email' && !emailPattern.test(value)) return translate('app.join.invalid_email');
    if (field === 'phone' && !phonePattern.test(value)) return translate('app.join.invalid_phone');
    return undefined;
  };
  const serverFields = problem ? fieldProblems(problem.parsed, translate) : {};
  const errorOf = (field: Field) => (checked ? localProblem(field) : undefined) ?? serverFields[field];
  const fields: Field[] = ['schoolName', 'province', 'kind', 'contactName', 'email', 'phone', 'tier'];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (fields.some((f) => localProblem(f))) return;
    setSending(true);
    setProblem(null);
    try {
      await joinApi.submit(form);
      setSentTo(form.email.trim());
    } catch (error) {
      setProblem({ parsed: parseProblem(error), text: errorText(error) });
    } finally {
      setSending(false);
    }
  };

  const backToLogin = <Link component={RouterLink} to="/login">{translate('app.join.back_to_login')}</Link>;

  if (sentTo) {
    return (
      <PublicPage title={translate('app.join.title')} maxWidth={560}>
        <Alert severity="success" role="status">
          <AlertTitle>{translate('app.join.sent_title')}</AlertTitle>
          {translate('app.join.sent_text', { email: sentTo })}
        </Alert>
        <Box sx={{ mt: 3, textAlign: 'center' }}>{backToLogin}</Box>
      </PublicPage>
    );
  }

  const text = (field: Field, label: string, extra: Record<string, unknown> = {}) => (
    <TextField
      label={translate(label)}
      name={field}
      value={form[field]}
      onChange={set(field)}
      error={!!errorOf(field)}
      helperText={errorOf(field) ?? (extra.help as string | undefined) ?? ' '}
      required
      fullWidth
      disabled={sending}
      slotProps={{ htmlInput: { maxLength: (limits as Record<string, number>)[field] ? (limits as Record<string, number>)[field]! + 50 : undefined } }}
      {...(extra.props as object)}
    />
  );
  const select = (field: Field, label: string, options: { id: string; name: string }[]) => (
    <TextField
      select
      label={translate(label)}
      name={field}
      value={form[field]}
      onChange={set(field)}
      error={!!errorOf(field)}
      helperText={errorOf(field) ?? ' '}
      required
      fullWidth
      disabled={sending}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
    >
      <option value="" />
      {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
    </TextField>
  );

  return (
    <PublicPage title={translate('app.join.title')} maxWidth={560}>
      <form onSubmit={onSubmit} noValidate>
        <Stack spacing={1.5}>
          {problem && !Object.keys(serverFields).length ? (
            <Alert severity="error" role="alert">
              <AlertTitle>{translate('app.join.failed')}</AlertTitle>
              {problem.text}
            </Alert>
          ) : (
            <Typography variant="body2" color="text.secondary">{translate('app.join.intro')}</Typography>
          )}
          {text('schoolName', 'app.join.school_name', { props: { autoFocus: true, autoComplete: 'organization' } })}
          {provinces && provinces.length
            ? select('province', 'app.join.province', provinces.map((p) => ({ id: p, name: p })))
            : text('province', 'app.join.province')}
          {select('kind', 'app.join.kind', ['university', 'vocational'].map((k) => ({ id: k, name: translate(`app.school_kind.${k}`) })))}
          {text('contactName', 'app.join.contact_name', { props: { autoComplete: 'name' } })}
          {text('email', 'app.join.email', { help: translate('app.join.email_help'), props: { type: 'email', autoComplete: 'email' } })}
          {text('phone', 'app.join.phone', { props: { type: 'tel', autoComplete: 'tel' } })}
          {select('tier', 'app.join.tier', tiers.map((t) => ({ id: t, name: `${translate(`app.tier.${t}`)}：${translate(`app.tier_description.${t}`)}` })))}
          {/* The honeypot: out of sight, out of the tab order and hidden from screen readers; only a program fills it. */}
          <Box aria-hidden="true" sx={{ position: 'absolute', left: '-10000px', top: 'auto', width: 1, height: 1, overflow: 'hidden' }}>
            <label>
              {translate('app.join.honeypot')}
              <input type="text" name="website" tabIndex={-1} autoComplete="off" value={form.website} onChange={set('website')} />
            </label>
          </Box>
          <Button type="submit" variant="contained" size="large" disabled={sending} startIcon={sending ? <CircularProgress size={18} color="inherit" /> : null}>
            {translate('app.join.submit')}
          </Button>
          <Box sx={{ textAlign: 'center' }}>{backToLogin}</Box>
        </Stack>
      </form>
    </PublicPage>
  );
}
