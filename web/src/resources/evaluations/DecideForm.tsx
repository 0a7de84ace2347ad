import { useMemo, useState, type FormEvent } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useLocaleState, useTranslate } from 'react-admin';
import { decideBody, decideProblems, decisionsFor, tierAbove, type DecideValues, type EvaluationKind } from './decide';
import { addDays } from '../../components/dates';
import { failingOf, formatKpiValue, kpiLabelKey, kpiNames, type KpiName } from '../../components/kpi/kpi';
import { todayInChina } from '@campus/common';
import { type ComplianceRecord } from '@campus/common';
import { fieldProblems } from '../../components/problem/parse-problem';
import { ProblemAlert } from '../../components/problem/ProblemAlert';
import { useTranslateProblem } from '../../components/problem/translate-problem';
import { useWorkflowAction } from '../../components/workflow/use-workflow-action';
import type { Evaluation } from './types';

/** The answer to decide: the evaluation, and what the decision created (an upgrade application, a renewal). */
export interface DecideResult extends Evaluation {
  applicationId?: number;
  newAgreementId?: number;
}

type DecideField = 'decision' | 'reason' | 'failingKpis' | 'notice' | 'deadline';

/**
 * HQ's decision on an open evaluation: the decisions of its kind only (annual, or the final review of
 * a term), a reason, and for a rectification the KPIs to fix, the notice to the school and a future
 * deadline. What is missing is said before sending; the server's refusals are shown as it words them.
 */
export function DecideForm({ record, onDecided }: { record: Evaluation; onDecided?: (result: DecideResult) => void }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const kind = record.kind as EvaluationKind;
  const snapshot = record.snapshot as ComplianceRecord | null;
  const today = todayInChina();
  const nextTier = tierAbove(record.tier);
  const [values, setValues] = useState<DecideValues>(() => ({
    decision: '',
    reason: '',
    failingKpis: failingOf(snapshot),
    notice: '',
    deadline: '',
  }));
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { run, pending, problem } = useWorkflowAction<DecideResult>('evaluations');

  const ownProblems = useMemo(() => decideProblems(values, kind, today, nextTier), [values, kind, today, nextTier]);
  const serverProblems = useMemo(() => fieldProblems(problem, translate), [problem, translate]);
  const say = useTranslateProblem();
  const ownText = (own: (typeof ownProblems)[string]) => (typeof own === 'string' ? translate(own) : say(own));
  const messageOf = (field: DecideField) =>
    (tried && ownProblems[field] ? ownText(ownProblems[field]) : undefined) ?? serverProblems[field];

  const set = <K extends keyof DecideValues>(key: K, value: DecideValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const toggleKpi = (kpi: KpiName) => set('failingKpis', values.failingKpis.includes(kpi)
    ? values.failingKpis.filter((k) => k !== kpi)
    : kpiNames.filter((k) => k === kpi || values.failingKpis.includes(k)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(ownProblems).length) {
      // To the first field to fix, whose message is announced (role="alert"): the decision's radios first.
      const form = event.currentTarget as HTMLFormElement;
      const first = ownProblems.decision ? form.querySelector<HTMLElement>('input[name="decision"]:not(:disabled)') : form.querySelector<HTMLElement>('[aria-invalid="true"]');
      setTimeout(() => (first ?? form.querySelector<HTMLElement>('[aria-invalid="true"]'))?.focus(), 0);
      return;
    }
    setConfirming(true);
  };

  const send = async () => {
    setConfirming(false);
    const result = await run(record, 'decide', decideBody(values));
    if (result) onDecided?.(result);
  };

  const decisionHelp = (decision: string) => translate(`app.evaluation.decision_help.${decision}`, {
    tier: nextTier ? translate(`app.tier.${nextTier}`) : '',
    _: '',
  });

  return (
    <Card variant="outlined" component="section" aria-labelledby="decide-title">
      <CardHeader
        id="decide-title"
        title={translate(kind === 'final' ? 'app.evaluation.decide_final' : 'app.evaluation.decide_annual')}
        subheader={translate(kind === 'final' ? 'app.evaluation.decide_final_help' : 'app.evaluation.decide_annual_help')}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2', sx: { fontWeight: 600 } } }}
      />
      <CardContent sx={{ pt: 0 }}>
        <Box component="form" noValidate onSubmit={submit}>
          <Stack spacing={2.5}>
            <FormControl error={!!messageOf('decision')}>
              <FormLabel id="decision-label">{translate('resources.evaluations.fields.decision')}</FormLabel>
              <RadioGroup aria-labelledby="decision-label" aria-describedby={messageOf('decision') ? 'decision-error' : undefined} aria-invalid={!!messageOf('decision') || undefined} name="decision" value={values.decision} onChange={(e) => set('decision', e.target.value)}>
                {decisionsFor(kind).map((decision) => {
                  const unavailable = decision === 'upgrade' && !nextTier;
                  return (
                    <FormControlLabel
                      key={decision}
                      value={decision}
                      disabled={unavailable}
                      control={<Radio />}
                      label={(
                        <Box sx={{ py: 0.5 }}>
                          <Typography component="span" sx={{ fontWeight: 500 }}>
                            {decision === 'upgrade' && nextTier
                              ? translate('app.evaluation.upgrade_to', { tier: translate(`app.tier.${nextTier}`) })
                              : translate(`app.action.${decision}`)}
                          </Typography>
                          <Typography variant="body2" color="text.secondary" component="span" sx={{ display: 'block' }}>
                            {unavailable ? translate('app.evaluation.highest_tier') : decisionHelp(decision)}
                          </Typography>
                        </Box>
                      )}
                    />
                  );
                })}
              </RadioGroup>
              {messageOf('decision') ? <FormHelperText id="decision-error" role="alert">{messageOf('decision')}</FormHelperText> : null}
            </FormControl>

            {values.decision === 'rectify' ? (
              <Stack spacing={2.5} sx={{ pl: { sm: 2 }, borderLeft: { sm: 3 }, borderColor: { sm: 'warning.light' } }}>
                <FormControl error={!!messageOf('failingKpis')} component="fieldset">
                  <FormLabel component="legend">{translate('resources.evaluations.fields.failingKpis')}</FormLabel>
                  <FormHelperText sx={{ mx: 0 }}>{translate('app.evaluation.failing_kpis_help')}</FormHelperText>
                  <FormGroup sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
                    {kpiNames.map((kpi) => {
                      const cell = snapshot?.kpis?.[kpi];
                      return (
                        <FormControlLabel
                          key={kpi}
                          control={<Checkbox checked={values.failingKpis.includes(kpi)} onChange={() => toggleKpi(kpi)} name={`failingKpis.${kpi}`} />}
                          label={(
                            <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                              <span>{translate(kpiLabelKey(kpi))}</span>
                              <Typography component="span" variant="caption" color="text.secondary">
                                {formatKpiValue(kpi, cell?.value, translate, locale)}
                              </Typography>
                              {cell?.met === false ? <Chip size="small" color="error" variant="outlined" label={translate('app.evaluation.not_met')} /> : null}
                            </Box>
                          )}
                        />
                      );
                    })}
                  </FormGroup>
                  {messageOf('failingKpis') ? <FormHelperText role="alert">{messageOf('failingKpis')}</FormHelperText> : null}
                </FormControl>
                <TextField
                  name="notice"
                  label={translate('resources.evaluations.fields.notice')}
                  value={values.notice}
                  onChange={(e) => set('notice', e.target.value)}
                  multiline
                  minRows={3}
                  required
                  error={!!messageOf('notice')}
                  helperText={messageOf('notice') ?? translate('app.evaluation.notice_help')}
                />
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
                  <TextField
                    name="deadline"
                    type="date"
                    label={translate('resources.evaluations.fields.deadline')}
                    value={values.deadline}
                    onChange={(e) => set('deadline', e.target.value)}
                    required
                    error={!!messageOf('deadline')}
                    helperText={messageOf('deadline') ?? translate('app.evaluation.deadline_help')}
                    slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: addDays(today, 1) } }}
                    sx={{ minWidth: 220 }}
                  />
                  <Stack direction="row" spacing={1} sx={{ pt: { sm: 1 } }}>
                    {[30, 60, 90].map((days) => (
                      <Chip key={days} label={translate('app.evaluation.in_days', { days })} onClick={() => set('deadline', addDays(today, days))} variant="outlined" />
                    ))}
                  </Stack>
                </Stack>
              </Stack>
            ) : null}

            <TextField
              name="reason"
              label={translate('resources.evaluations.fields.reason')}
              value={values.reason}
              onChange={(e) => set('reason', e.target.value)}
              multiline
              minRows={3}
              required
              error={!!messageOf('reason')}
              helperText={messageOf('reason') ?? translate('app.evaluation.reason_help')}
            />

            <ProblemAlert problem={problem} />

            <Box>
              <Button type="submit" variant="contained" disabled={pending}>
                {translate('app.evaluation.submit_decision')}
              </Button>
            </Box>
          </Stack>
        </Box>
      </CardContent>

      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby="confirm-decision-title">
        <DialogTitle id="confirm-decision-title">
          {translate('app.evaluation.confirm_title', { decision: values.decision === 'upgrade' && nextTier
            ? translate('app.evaluation.upgrade_to', { tier: translate(`app.tier.${nextTier}`) })
            : translate(`app.action.${values.decision}`, { _: values.decision }) })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {translate('app.evaluation.confirm_body', { school: record.schoolName, year: record.year })}
          </DialogContentText>
          <DialogContentText sx={{ mt: 1 }}>{decisionHelp(values.decision)}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={send} autoFocus>{translate('ra.action.confirm')}</Button>
        </DialogActions>
      </Dialog>
    </Card>
  );
}
