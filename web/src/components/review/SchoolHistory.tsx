import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import HistoryIcon from '@mui/icons-material/History';
import { Link as RouterLink } from 'react-router-dom';
import { useLocaleState, useTranslate } from 'react-admin';
import type { SchoolHistory as History } from '@campus/common';
import { StateChip, TierChip } from '../chips';
import { formatInstant } from '../dates';
import { kpiLabelKey } from '../kpi/kpi';

function Part({ title, testId, empty, children }: { title: string; testId: string; empty: boolean; children: React.ReactNode }) {
  const translate = useTranslate();
  return (
    <Box component="section" data-testid={testId} sx={{ mb: 2 }}>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>{translate(title)}</Typography>
      {empty ? <Typography variant="body2" color="text.secondary">{translate('app.review.no_records')}</Typography> : children}
    </Box>
  );
}

/** The school's history in one dialog: agreements and evaluations, compliance by year, instructors, past applications and their comments. */
export function SchoolHistoryContent({ history, currentApplicationId }: { history: History; currentApplicationId?: number }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const when = (at: string | null) => (at ? formatInstant(at, locale) : '—');
  return (
    <>
      <Part title="app.review.history_agreements" testId="history-agreements" empty={!history.agreements.length}>
        {history.agreements.map((a) => (
          <Box key={a.id} sx={{ mb: 1 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
              <Link component={RouterLink} to={`/agreements/${a.id}/show`}>{translate('app.review.agreement_no', { id: a.id })}</Link>
              <TierChip tier={a.tier} />
              <StateChip state={a.status} entity="agreement" />
              <Typography variant="caption" color="text.secondary">
                {a.startDate ? translate('app.review.started', { date: a.startDate }) : ''} {translate('app.review.term', { n: a.termYears })}
              </Typography>
            </Stack>
            {a.evaluations.map((e) => (
              <Typography key={e.id} variant="body2" sx={{ pl: 2 }}>
                <Link component={RouterLink} to={`/evaluations/${e.id}/show`}>{translate('app.review.year_n', { year: e.year })}</Link>
                {' · '}{e.decision ? translate(`app.action.${e.decision}`, { _: e.decision }) : translate(`app.state.${e.status}`, { _: e.status })}
                {e.reason ? ` · ${e.reason}` : ''}
              </Typography>
            ))}
          </Box>
        ))}
      </Part>
      <Part title="app.review.history_compliance" testId="history-compliance" empty={!history.compliance.length}>
        {history.compliance.map((c) => (
          <Typography key={`${c.agreementId}-${c.year}`} variant="body2">
            <Link component={RouterLink} to={`/compliance/${c.agreementId}-${c.year}/show`}>
              {translate('app.review.agreement_no', { id: c.agreementId })} · {translate('app.review.year_n', { year: c.year })}
            </Link>
            {' '}({c.from} – {c.to}){' '}
            <Chip size="small" color={c.compliant ? 'success' : 'error'} variant="outlined" label={translate(c.compliant ? 'app.review.compliant' : 'app.review.not_compliant')} />
            {c.failingKpis.length ? ` ${translate('app.review.failing', { kpis: c.failingKpis.map((k) => translate(kpiLabelKey(k), { _: k })).join('、') })}` : ''}
          </Typography>
        ))}
      </Part>
      <Part title="app.review.history_instructors" testId="history-instructors" empty={!history.instructors.length}>
        {history.instructors.map((i) => (
          <Typography key={i.id} variant="body2" sx={{ color: i.validToday ? undefined : 'text.secondary' }}>
            {i.name}
            {i.certifications.map((c) => ` · ${c.certNo} (${c.level}) ${c.validFrom} – ${c.validTo}`).join('')}
            {i.validToday ? ' ✓' : ''}
          </Typography>
        ))}
      </Part>
      <Part title="app.review.history_applications" testId="history-applications" empty={!history.applications.length}>
        {history.applications.map((a) => (
          <Box key={a.id} sx={{ mb: 1 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
              {a.id === currentApplicationId
                ? <Typography variant="body2">{translate('app.review.application_no', { id: a.id })}</Typography>
                : <Link component={RouterLink} to={`/applications/${a.id}/show`}>{translate('app.review.application_no', { id: a.id })}</Link>}
              <TierChip tier={a.tier} />
              <StateChip state={a.status} entity="application" />
              <Typography variant="caption" color="text.secondary">{when(a.submittedAt)}</Typography>
            </Stack>
            {a.reviews.map((r, k) => (
              <Typography key={k} variant="body2" sx={{ pl: 2 }}>
                {translate(`app.action.${r.action}`, { _: r.action })} · {r.actorName ?? ''} · {when(r.at)}
                {r.comment ? `：${r.comment}` : ''}
                {Object.entries(r.fieldComments).map(([path, c]) => `；${path}：${c}`).join('')}
              </Typography>
            ))}
          </Box>
        ))}
      </Part>
    </>
  );
}

/** "院校历史": the school's history one click from the review screen. */
export function SchoolHistoryButton({ history, currentApplicationId }: { history: History; currentApplicationId?: number }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" variant="outlined" startIcon={<HistoryIcon />} onClick={() => setOpen(true)} data-testid="school-history-open">
        {translate('app.review.history')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth aria-labelledby="school-history-title">
        <DialogTitle id="school-history-title">{translate('app.review.history_title', { school: history.school.name })}</DialogTitle>
        <DialogContent dividers data-testid="school-history">
          <SchoolHistoryContent history={history} currentApplicationId={currentApplicationId} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
