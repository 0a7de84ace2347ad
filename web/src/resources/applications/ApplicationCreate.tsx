import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import CircularProgress from '@mui/material/CircularProgress';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Link as RouterLink } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Title, useDataProvider, useGetList, useRedirect, useTranslate } from 'react-admin';
import { TierChip } from '../../components/chips';
import { tiers, tierColors, type Tier } from '../../components/vocabulary';
import { policiesInForce, type TierPolicy } from '../../components/policy/thresholds';
import { chinaYear } from '../../components/policy/use-policy-in-force';
import { statusOf, useErrorText } from '../../components/problem/parse-problem';
import type { Application } from './plan-model';

/** What a tier asks, in one line per requirement that has a threshold. */
function Requirements({ policy }: { policy?: TierPolicy }) {
  const translate = useTranslate();
  if (!policy) return null;
  const lines: string[] = [];
  const n = (v: unknown) => (typeof v === 'number' ? v : null);
  if (n(policy.certifiedInstructors)) lines.push(translate('resources.applications.create.req_instructors', { n: policy.certifiedInstructors as number }));
  if (n(policy.certificates1x) != null || n(policy.certificatesOperator) != null) {
    lines.push(translate('resources.applications.create.req_certificates', { x: n(policy.certificates1x) ?? '—', op: n(policy.certificatesOperator) ?? '—' }));
  }
  if (n(policy.practiceHours) != null) lines.push(translate('resources.applications.create.req_practice', { n: policy.practiceHours as number }));
  if (n(policy.jobFairs)) lines.push(translate('resources.applications.create.req_fairs', { n: policy.jobFairs as number }));
  lines.push(translate('resources.applications.create.req_term', { n: policy.termYears as number }));
  return (
    <Box component="ul" sx={{ m: 0, mt: 1, pl: 2.5 }}>
      {lines.map((l) => <Typography component="li" variant="body2" key={l}>{l}</Typography>)}
    </Box>
  );
}

/**
 * A school starts an application by choosing its tier; the draft is created at once and the form
 * then saves as it is filled in. A school with an application in flight is told so by the server.
 */
export function ApplicationCreate() {
  const translate = useTranslate();
  const errorText = useErrorText();
  const dataProvider = useDataProvider();
  const redirect = useRedirect();
  const queryClient = useQueryClient();
  const [tier, setTier] = useState<Tier>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const { data: policies = [] } = useGetList<TierPolicy>('tier-policies', {
    sort: { field: 'effectiveYear', order: 'DESC' },
    pagination: { page: 1, perPage: 200 },
  });
  const inForce = policiesInForce(policies, chinaYear());
  const policyOf = (t: Tier) => policies.find((p) => p.tier === t && inForce.has(p.id));

  const create = async () => {
    if (!tier) return;
    setBusy(true);
    setError(undefined);
    try {
      const { data } = await dataProvider.create<Application>('applications', { data: { tier } });
      await queryClient.invalidateQueries({ queryKey: ['applications'] });
      redirect('edit', 'applications', data.id);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Box sx={{ maxWidth: 1100, my: 2 }}>
      <Title title={translate('resources.applications.create.title')} />
      <Typography variant="h5" component="h1">{translate('resources.applications.create.title')}</Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>{translate('resources.applications.create.intro')}</Typography>
      <Grid container spacing={2} role="radiogroup" aria-label={translate('resources.applications.fields.tier')}>
        {tiers.map((t) => {
          const selected = tier === t;
          return (
            <Grid key={t} size={{ xs: 12, sm: 6 }}>
              <Card variant="outlined" sx={{ height: '100%', borderColor: selected ? tierColors[t] : undefined, borderWidth: selected ? 2 : 1 }}>
                <CardActionArea sx={{ height: '100%' }} onClick={() => setTier(t)} role="radio" aria-checked={selected} data-tier={t}>
                  <CardContent>
                    <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
                      <TierChip tier={t} size="medium" />
                      {selected ? <CheckCircleIcon sx={{ color: tierColors[t] }} /> : null}
                    </Box>
                    <Typography variant="body2" sx={{ mt: 1 }}>{translate(`app.tier_description.${t}`)}</Typography>
                    <Requirements policy={policyOf(t)} />
                  </CardContent>
                </CardActionArea>
              </Card>
            </Grid>
          );
        })}
      </Grid>
      {error ? (
        <Alert
          severity={statusOf(error) === 409 ? 'warning' : 'error'}
          role="alert"
          sx={{ mt: 2 }}
          action={statusOf(error) === 409 ? <Button color="inherit" component={RouterLink} to="/applications">{translate('resources.applications.create.see_mine')}</Button> : undefined}
        >
          {statusOf(error) === 409 ? translate('resources.applications.create.in_flight') : null}
          <div>{errorText(error)}</div>
        </Alert>
      ) : null}
      <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
        <Button variant="contained" disabled={!tier || busy} onClick={create} startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined} data-testid="create-draft">
          {translate('resources.applications.create.start')}
        </Button>
        <Button component={RouterLink} to="/applications">{translate('ra.action.cancel')}</Button>
      </Box>
    </Box>
  );
}
