import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { listLink } from '../../components/kpi/kpi';

/** Who the provider is: what GET /api/providers answers every role that may read the provider. */
export interface ProviderIdentity {
  id: number;
  name: string;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone?: string | null;
  /** false: deactivated by HQ (it reaches none of its schools). */
  active?: boolean;
  version?: number;
  createdAt?: string;
}

/**
 * HQ's scorecard beside each provider: its schools and their current results, reports, hours,
 * feedback and content (server/src/modules/providers/provider-spec.ts). It spans every school of
 * the provider, so the server sends it to HQ only; the other roles get the identity alone.
 */
export interface ProviderScorecard {
  schoolIds: number[];
  schools: number;
  compliantSchools: number;
  evaluatedSchools: number;
  reportsSubmitted: number;
  reportsConfirmed: number;
  reportsRejected: number;
  confirmedHours: number;
  feedbackOpen: number;
  feedbackTotal: number;
  proposalsApproved: number;
}

/** A provider as read: the scorecard's fields are there only when the reader may see them. */
export type Provider = ProviderIdentity & Partial<ProviderScorecard>;
export type ScoredProvider = ProviderIdentity & ProviderScorecard;

/** Whether the record carries HQ's scorecard (decided by what the server sent, not by a role guess). */
export const hasScorecard = (provider: Provider | undefined): provider is ScoredProvider => Array.isArray(provider?.schoolIds);

/** The compliance rows of the provider's schools' current years. */
export const complianceOfSchools = (provider: Pick<ScoredProvider, 'schoolIds'>, extra: Record<string, unknown> = {}) =>
  listLink('compliance', { schoolId: provider.schoolIds, current: true, ...extra });

/** "3 / 4 达标" with a bar; links to the compliance rows behind it. */
export function CompliantSchoolsField(_: { label?: string; source?: string }) {
  const record = useRecordContext<Provider>();
  const translate = useTranslate();
  if (!hasScorecard(record)) return null;
  if (!record.evaluatedSchools) return <Typography variant="body2" color="text.disabled">—</Typography>;
  const share = record.compliantSchools / record.evaluatedSchools;
  return (
    <Tooltip title={translate('app.work.provider.compliant_help')}>
      <Box sx={{ minWidth: 120 }} onClick={(e) => e.stopPropagation()}>
        <Link component={RouterLink} to={complianceOfSchools(record)} underline="hover">
          {translate('app.work.provider.compliant_of', { compliant: record.compliantSchools, total: record.evaluatedSchools })}
        </Link>
        <LinearProgress variant="determinate" value={share * 100} color={share >= 0.8 ? 'success' : share >= 0.5 ? 'warning' : 'error'} sx={{ mt: 0.5, height: 6, borderRadius: 3 }} aria-label={translate('app.work.provider.compliant_of', { compliant: record.compliantSchools, total: record.evaluatedSchools })} />
      </Box>
    </Tooltip>
  );
}

/** Reports by status, each a link to the reports list filtered so. */
export function ReportsField(_: { label?: string; source?: string }) {
  const record = useRecordContext<Provider>();
  const translate = useTranslate();
  if (!hasScorecard(record)) return null;
  const chip = (status: string, n: number, color: 'info' | 'success' | 'error') => (
    <Chip
      key={status}
      size="small"
      variant={n ? 'filled' : 'outlined'}
      color={n ? color : 'default'}
      clickable
      component={RouterLink}
      to={listLink('provider-reports', { providerId: record.id, status })}
      onClick={(e: React.MouseEvent) => e.stopPropagation()}
      label={`${translate(`app.state.${status}`)} ${n}`}
    />
  );
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'nowrap' }}>
      {chip('submitted', record.reportsSubmitted, 'info')}
      {chip('confirmed', record.reportsConfirmed, 'success')}
      {chip('rejected', record.reportsRejected, 'error')}
    </Stack>
  );
}

export function HoursField(_: { label?: string; source?: string }) {
  const record = useRecordContext<Provider>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  if (!hasScorecard(record)) return null;
  return <span style={{ whiteSpace: 'nowrap' }}>{`${new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 1 }).format(record.confirmedHours)} ${translate('app.unit.hours', { smart_count: record.confirmedHours })}`}</span>;
}

export function FeedbackField(_: { label?: string; source?: string }) {
  const record = useRecordContext<Provider>();
  const translate = useTranslate();
  if (!hasScorecard(record)) return null;
  return (
    <Link component={RouterLink} to={listLink('feedback', { providerId: record.id })} onClick={(e) => e.stopPropagation()} underline="hover" color={record.feedbackOpen ? 'warning.dark' : 'inherit'} sx={{ whiteSpace: 'nowrap' }}>
      {translate('app.work.provider.feedback_of', { open: record.feedbackOpen, total: record.feedbackTotal })}
    </Link>
  );
}
