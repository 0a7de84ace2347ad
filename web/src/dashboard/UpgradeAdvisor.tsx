import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlined';
import { Link as RouterLink } from 'react-router-dom';
import { useGetList, useLocaleState, useTranslate } from 'react-admin';
import { TierChip } from '../components/chips';
import { policiesInForce, type TierPolicy } from '../components/policy/thresholds';
import { tierAbove } from '../resources/evaluations/decide';
import { addDays } from '../components/dates';
import { factsLink, formatKpiThreshold, formatKpiValue, kpiLabelKey, type KpiName } from '../components/kpi/kpi';
import { todayInChina } from '@campus/common';
import { type ComplianceRecord } from '@campus/common';
import { upgradeGaps, type PolicyThresholds, type UpgradeGap } from '../resources/evaluations/upgrade';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The gap in words: "还需 3 名1+X认证讲师", "+40 张1+X证书或 +60 张操盘官证书". */
export function gapText(item: UpgradeGap, policy: PolicyThresholds, translate: Translate, locale: string): string {
  const n = (v: number) => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 1 }).format(v);
  if (item.met === null) return translate('app.upgrade.no_value');
  if (item.met) return translate('app.upgrade.met');
  switch (item.key) {
    case 'certificates': {
      const both = item.threshold !== null && item.alt?.threshold !== null && item.alt?.threshold !== undefined;
      if (both) return translate('app.upgrade.gap.certificates', { x: n(item.gap), y: n(item.alt!.gap) });
      if (item.threshold !== null) return translate('app.upgrade.gap.certificates1x', { smart_count: item.gap, x: n(item.gap) });
      return translate('app.upgrade.gap.certificatesOperator', { smart_count: item.alt!.gap, y: n(item.alt!.gap) });
    }
    case 'offlineCourses':
      return translate('app.upgrade.gap.offlineCourses', { smart_count: item.gap, hours: policy.offlineCourseMinHours ?? 32 });
    case 'teachingDelivery':
    case 'jobPlatformRate':
    case 'practiceHours':
      return translate(`app.upgrade.gap.${item.key}`, { n: n(item.gap) });
    default:
      return translate(`app.upgrade.gap.${item.key}`, { smart_count: item.gap });
  }
}

function valueLine(item: UpgradeGap, translate: Translate, locale: string) {
  if (item.key === 'certificates') {
    const parts: string[] = [];
    if (item.threshold !== null) parts.push(`1+X ${formatKpiValue('certificates1x', item.value, translate, locale)} / ${formatKpiThreshold('certificates1x', item.threshold, translate, locale)}`);
    if (item.alt?.threshold !== null && item.alt?.threshold !== undefined) {
      parts.push(`${translate('app.policy.operator_short')} ${formatKpiValue('certificatesOperator', item.alt.value, translate, locale)} / ${formatKpiThreshold('certificatesOperator', item.alt.threshold, translate, locale)}`);
    }
    return parts.join(translate('app.upgrade.or_sep'));
  }
  const kpi = item.key as KpiName;
  return `${formatKpiValue(kpi, item.value, translate, locale)} / ${formatKpiThreshold(kpi, item.threshold, translate, locale)}`;
}

function AdvisorCard({ row, policy, nextTier }: { row: ComplianceRecord; policy: TierPolicy; nextTier: string }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const thresholds = policy as unknown as PolicyThresholds;
  const gaps = upgradeGaps(row, thresholds);
  const met = gaps.filter((g) => g.met === true).length;
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid="upgrade-advisor">
      <CardHeader
        avatar={<TrendingUpIcon color="primary" />}
        title={translate('app.upgrade.title', { tier: translate(`app.tier.${nextTier}`) })}
        subheader={translate('app.upgrade.subtitle', { year: row.year, date: row.asOf ?? addDays(row.to, -1), policyYear: policy.effectiveYear })}
        action={<TierChip tier={nextTier} />}
        slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }}
      />
      <CardContent sx={{ pt: 0 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 1 }}>
          <LinearProgress variant="determinate" value={gaps.length ? (met / gaps.length) * 100 : 100} sx={{ flexGrow: 1, height: 8, borderRadius: 4 }} aria-label={translate('app.upgrade.progress', { met, total: gaps.length })} />
          <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>{translate('app.upgrade.progress', { met, total: gaps.length })}</Typography>
        </Box>
        <List dense disablePadding>
          {gaps.map((item) => {
            const label = item.key === 'certificates' ? translate('app.upgrade.certificates') : translate(kpiLabelKey(item.key));
            const link = item.met === false ? factsLink(item.key === 'certificates' ? 'certificates1x' : item.key) : null;
            return (
              <ListItem
                key={item.key}
                disableGutters
                data-kpi={item.key}
                secondaryAction={link ? <Button component={RouterLink} to={link} size="small">{translate('app.rectification.add_facts')}</Button> : undefined}
              >
                <ListItemIcon sx={{ minWidth: 32 }}>
                  {item.met === true ? <CheckCircleIcon color="success" fontSize="small" /> : item.met === null ? <HelpOutlineIcon color="disabled" fontSize="small" /> : <TrendingUpIcon color="warning" fontSize="small" />}
                </ListItemIcon>
                <ListItemText
                  primary={(
                    <span>
                      <Box component="span" sx={{ fontWeight: 500 }}>{label}</Box>
                      {'：'}
                      <Box component="span" sx={{ color: item.met === false ? 'warning.dark' : 'text.primary' }} data-testid="upgrade-gap">
                        {gapText(item, thresholds, translate, locale)}
                      </Box>
                    </span>
                  )}
                  secondary={valueLine(item, translate, locale)}
                />
              </ListItem>
            );
          })}
        </List>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>{translate('app.upgrade.how')}</Typography>
      </CardContent>
      <CardActions>
        <Button component={RouterLink} to={`/tier-policies/${policy.id}/show`} size="small">{translate('app.upgrade.see_policy', { tier: translate(`app.tier.${nextTier}`) })}</Button>
      </CardActions>
    </Card>
  );
}

/**
 * On the school's dashboard: how far its current agreement year is from the thresholds of the tier
 * above (partner_school → pilot_1x → talent_base → industry_college), per KPI, against the tier
 * policy in force. The values are the server's compliance row; the advisor only compares.
 */
export function UpgradeAdvisor(_props: { schoolId?: number | null }) {
  const { data: rows } = useGetList<ComplianceRecord>('compliance', { filter: { current: true }, pagination: { page: 1, perPage: 1 }, sort: { field: 'year', order: 'DESC' } });
  const row = rows?.[0];
  const nextTier = tierAbove(row?.tier);
  const { data: policies } = useGetList<TierPolicy>(
    'tier-policies',
    { filter: { tier: nextTier }, sort: { field: 'effectiveYear', order: 'DESC' }, pagination: { page: 1, perPage: 50 } },
    { enabled: !!nextTier },
  );
  if (!row) return null;
  // At the top tier there is nothing to advise on.
  if (!nextTier) return null;
  const inForce = policies ? policiesInForce(policies, Number(todayInChina().slice(0, 4))) : new Set();
  const policy = policies?.find((p) => inForce.has(p.id));
  if (!policy) return null;
  return <AdvisorCard row={row} policy={policy} nextTier={nextTier} />;
}

export default UpgradeAdvisor;
