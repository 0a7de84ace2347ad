import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Confirm, EditButton, ShowBase, Title, useCanAccess, useGetMany, useLocaleState, useShowContext, useTranslate } from 'react-admin';
import { TierChip } from '../../components/chips';
import { listLink } from '../../components/kpi/kpi';
import { complianceOfSchools, hasScorecard, type Provider, type ScoredProvider } from './scorecard';
import { RecordHistory } from '../../components/RecordHistory';
import { RecordPicker } from './RecordPicker';
import { useAssignment } from './use-assignment';

const titleProps = { title: { variant: 'subtitle1' as const, sx: { fontWeight: 600 } } };

function Metric({ label, value, detail, to }: { label: string; value: ReactNode; detail?: ReactNode; to?: string }) {
  const body = (
    <CardContent>
      <Typography variant="body2" color="text.secondary">{label}</Typography>
      <Typography variant="h4" component="p" sx={{ fontWeight: 600, lineHeight: 1.2 }}>{value}</Typography>
      {detail ? <Typography variant="body2" color="text.secondary" component="div" sx={{ mt: 0.5 }}>{detail}</Typography> : null}
    </CardContent>
  );
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      {to ? <CardActionArea component={RouterLink} to={to} sx={{ height: '100%' }}>{body}</CardActionArea> : body}
    </Card>
  );
}

/** The provider's schools; HQ assigns another one here (searched by name) or removes one. */
function Schools({ provider }: { provider: ScoredProvider }) {
  const translate = useTranslate();
  const { data, isPending } = useGetMany('schools', { ids: provider.schoolIds }, { enabled: provider.schoolIds.length > 0 });
  const { canAccess: canAssign } = useCanAccess({ resource: 'providers', action: 'edit' });
  const { assign, unassign, pending } = useAssignment();
  const [removing, setRemoving] = useState<{ id: number; name: string } | null>(null);
  return (
    <Card variant="outlined">
      <CardHeader
        title={translate('app.work.provider.schools', { smart_count: provider.schoolIds.length })}
        slotProps={titleProps}
        action={provider.schoolIds.length ? <Button component={RouterLink} to={complianceOfSchools(provider)} size="small">{translate('app.work.provider.see_kpis')}</Button> : undefined}
      />
      <CardContent sx={{ pt: 0 }}>
        {!provider.schoolIds.length ? (
          <Typography color="text.secondary">{translate('app.work.provider.no_schools')}</Typography>
        ) : isPending ? null : (
          <List dense disablePadding>
            {data?.map((school) => (
              <ListItem
                key={school.id}
                disableGutters
                secondaryAction={(
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <TierChip tier={school.tier} />
                    {canAssign ? (
                      <Button size="small" color="error" disabled={pending} onClick={() => setRemoving(school)}>
                        {translate('app.provider_admin.unassign')}
                      </Button>
                    ) : null}
                  </Stack>
                )}
              >
                <ListItemText
                  primary={<Link component={RouterLink} to={`/schools/${school.id}/show`}>{school.name}</Link>}
                  secondary={<Link component={RouterLink} to={listLink('compliance', { schoolId: school.id, current: true })} color="text.secondary">{translate('app.evaluation.current_kpis')}</Link>}
                />
              </ListItem>
            ))}
          </List>
        )}
        {canAssign && provider.active !== false ? (
          <Stack sx={{ mt: 2 }}>
            <RecordPicker
              resource="schools"
              label="app.provider_admin.choose_school"
              action="app.provider_admin.assign"
              exclude={provider.schoolIds}
              disabled={pending}
              onPick={(school) => assign(provider.id, school.id, translate('app.provider_admin.assigned', { name: school.name }))}
            />
          </Stack>
        ) : null}
      </CardContent>
      <Confirm
        isOpen={!!removing}
        loading={pending}
        title={translate('app.provider_admin.unassign_confirm_title')}
        content={translate('app.provider_admin.unassign_confirm', { school: removing?.name ?? '', provider: provider.name })}
        onConfirm={async () => {
          if (removing) await unassign(provider.id, removing.id, translate('app.provider_admin.unassigned', { name: removing.name }));
          setRemoving(null);
        }}
        onClose={() => setRemoving(null)}
      />
    </Card>
  );
}

function ProviderPage() {
  const { record, isPending, error } = useShowContext<Provider>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { canAccess: canEdit } = useCanAccess({ resource: 'providers', action: 'edit' });
  if (error) return <Alert severity="error" sx={{ mt: 2 }}>{(error as Error).message}</Alert>;
  if (isPending || !record) return null;
  const n = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 1 });
  // HQ's record carries the scorecard over all the provider's schools; the others' records say who
  // the provider is (provider-spec.ts), and the page shows what the record holds.
  const scored = hasScorecard(record) ? record : undefined;
  return (
    <Stack spacing={2} sx={{ py: 2 }}>
      <Title title={record.name} />
      <Card variant="outlined">
        <CardContent>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', justifyContent: 'space-between' }}>
            <Box>
              <Typography variant="overline" color="text.secondary">{translate('resources.providers.name', { smart_count: 1 })}</Typography>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>{record.name}</Typography>
                {record.active === false ? <Chip size="small" label={translate('app.provider_admin.inactive')} /> : null}
              </Stack>
              <Typography variant="body2" color="text.secondary">
                {[record.contactName, record.contactEmail, record.contactPhone].filter(Boolean).join(' · ') || '—'}
              </Typography>
            </Box>
            {canEdit ? <EditButton record={record} /> : null}
          </Stack>
        </CardContent>
      </Card>
      {scored ? (
        <Box>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>{translate('app.work.provider.scorecard')}</Typography>
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, sm: 6, md: 4 }}>
              <Metric
                label={translate('app.work.provider.kpi_results')}
                value={scored.evaluatedSchools ? `${scored.compliantSchools} / ${scored.evaluatedSchools}` : '—'}
                detail={translate('app.work.provider.compliant_help')}
                to={scored.schoolIds.length ? complianceOfSchools(scored) : undefined}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6, md: 4 }}>
              <Metric
                label={translate('resources.providers.fields.reports')}
                value={scored.reportsSubmitted + scored.reportsConfirmed + scored.reportsRejected}
                detail={(
                  <Stack direction="row" spacing={1.5} sx={{ flexWrap: 'wrap' }} useFlexGap>
                    {(['submitted', 'confirmed', 'rejected'] as const).map((status) => (
                      <Link key={status} component={RouterLink} to={listLink('provider-reports', { providerId: scored.id, status })}>
                        {`${translate(`app.state.${status}`)} ${scored[`reports${status[0].toUpperCase()}${status.slice(1)}` as 'reportsSubmitted']}`}
                      </Link>
                    ))}
                  </Stack>
                )}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6, md: 4 }}>
              <Metric
                label={translate('resources.providers.fields.confirmedHours')}
                value={`${n.format(scored.confirmedHours)} ${translate('app.unit.hours', { smart_count: scored.confirmedHours })}`}
                detail={translate('app.work.provider.hours_help')}
                to={listLink('practice-records', { providerId: scored.id, confirmed: true })}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6, md: 4 }}>
              <Metric
                label={translate('resources.providers.fields.feedback')}
                value={translate('app.work.provider.feedback_of', { open: scored.feedbackOpen, total: scored.feedbackTotal })}
                to={listLink('feedback', { providerId: scored.id })}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6, md: 4 }}>
              <Metric
                label={translate('resources.providers.fields.proposalsApproved')}
                value={scored.proposalsApproved}
                to={listLink('content-proposals', { providerId: scored.id, status: 'approved' })}
              />
            </Grid>
          </Grid>
        </Box>
      ) : null}
      {scored ? <Schools provider={scored} /> : null}
      {scored ? <RecordHistory entityType="provider" entityId={record.id} /> : null}
    </Stack>
  );
}

export function ProviderShow() {
  return (
    <ShowBase>
      <ProviderPage />
    </ShowBase>
  );
}
