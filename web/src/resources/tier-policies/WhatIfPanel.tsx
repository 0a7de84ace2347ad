import { lazy, Suspense, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import Link from '@mui/material/Link';
import InsightsIcon from '@mui/icons-material/Insights';
import { Link as RouterLink } from 'react-router-dom';
import { useFormContext, useWatch } from 'react-hook-form';
import { useLocaleState, useRecordContext, useTranslate, type HttpError } from 'react-admin';
import type { WhatIfAnswer, WhatIfRegionTally, WhatIfSchool, WhatIfTally } from '@campus/common';
import { TierChip } from '../../components/chips';
import { httpClient } from '../../providers/httpClient';
import { apiUrl } from '../../providers/dataProvider';
import { toUpdateBody, type TierPolicy } from '../../components/policy/thresholds';

const WhatIfChart = lazy(() => import('./WhatIfChart'));

export type WhatIfRegion = WhatIfRegionTally;
/**
 * POST /api/tier-policies/:id/what-if: each school under the policy judged now and with the edit
 * (which flip), and the tallies by region, by tier and in all.
 */
export type WhatIfResult = WhatIfAnswer;

/** The body of the preview: what a save would send, less the comment (nothing is saved). */
export function whatIfBody(values: Record<string, unknown>) {
  const { comment: _comment, ...body } = toUpdateBody(values);
  return body;
}

function Delta({ value }: { value: number }) {
  if (!value) return <Typography component="span" variant="body2" color="text.secondary">0</Typography>;
  return (
    <Typography component="span" variant="body2" sx={{ fontWeight: 600, color: value > 0 ? 'success.main' : 'error.main' }}>
      {value > 0 ? `+${value}` : value}
    </Typography>
  );
}

interface TallyRow { key: string; label: string; tally: WhatIfTally; strong?: boolean; attr: 'data-region' | 'data-tier' }

function TallyTable({ rows, heading }: { rows: TallyRow[]; heading: string }) {
  const translate = useTranslate();
  return (
    <Table size="small" aria-label={`${translate('app.whatif.title')} · ${heading}`} sx={{ '& th, & td': { whiteSpace: 'nowrap' } }}>
      <TableHead>
        <TableRow>
          <TableCell rowSpan={2}>{heading}</TableCell>
          <TableCell colSpan={2} align="center">{translate('app.whatif.before')}</TableCell>
          <TableCell colSpan={2} align="center">{translate('app.whatif.after')}</TableCell>
          <TableCell rowSpan={2} align="right">{translate('app.whatif.change')}</TableCell>
          <TableCell rowSpan={2} align="right">{translate('app.whatif.pass_to_fail')}</TableCell>
          <TableCell rowSpan={2} align="right">{translate('app.whatif.fail_to_pass')}</TableCell>
        </TableRow>
        <TableRow>
          <TableCell align="right">{translate('app.whatif.pass')}</TableCell>
          <TableCell align="right">{translate('app.whatif.fail')}</TableCell>
          <TableCell align="right">{translate('app.whatif.pass')}</TableCell>
          <TableCell align="right">{translate('app.whatif.fail')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(({ key, label, tally: r, strong, attr }) => (
          <TableRow key={key} {...{ [attr]: key }} sx={strong ? { '& td': { fontWeight: 700 } } : undefined}>
            <TableCell>{label}</TableCell>
            <TableCell align="right">{r.before.pass}</TableCell>
            <TableCell align="right">{r.before.fail}</TableCell>
            <TableCell align="right" sx={{ color: r.after.pass !== r.before.pass ? 'primary.main' : undefined }}>{r.after.pass}</TableCell>
            <TableCell align="right" sx={{ color: r.after.fail !== r.before.fail ? 'primary.main' : undefined }}>{r.after.fail}</TableCell>
            <TableCell align="right"><Delta value={r.after.pass - r.before.pass} /></TableCell>
            <TableCell align="right" sx={{ color: r.passToFail ? 'error.main' : undefined }}>{r.passToFail}</TableCell>
            <TableCell align="right" sx={{ color: r.failToPass ? 'success.main' : undefined }}>{r.failToPass}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The tallies region by region, with the total. */
export function WhatIfTable({ result }: { result: WhatIfResult }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const name = (r: WhatIfRegion) => (locale === 'en' ? r.nameEn : r.nameZh);
  const rows: TallyRow[] = [...result.byRegion.map((r) => ({ key: String(r.regionId), label: name(r), tally: r, attr: 'data-region' as const })),
    { key: 'total', label: translate('app.whatif.total'), tally: result.total, strong: true, attr: 'data-region' }];
  return <TallyTable rows={rows} heading={translate('app.whatif.region')} />;
}

/** The tallies tier by tier. */
function WhatIfTierTable({ result }: { result: WhatIfResult }) {
  const translate = useTranslate();
  const rows: TallyRow[] = result.byTier.map((t) => ({ key: t.tier, label: translate(`app.tier.${t.tier}`), tally: t, attr: 'data-tier' }));
  return <TallyTable rows={rows} heading={translate('app.whatif.tier')} />;
}

/**
 * The schools whose verdict the edit changes, by region and tier, each linked to its school: those
 * that would fail first, with the KPIs they would fail, then those that would pass.
 */
export function WhatIfFlips({ result }: { result: WhatIfResult }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const flips = result.schools.filter((s) => s.flip);
  const kpis = (names: string[]) => names.map((k) => translate(`app.kpi.${k}`)).join('、');
  const groups: { key: string; regionName: string; tier: WhatIfSchool['tier']; schools: WhatIfSchool[] }[] = [];
  for (const region of result.byRegion) {
    for (const tier of result.byTier.map((t) => t.tier)) {
      const schools = flips.filter((s) => s.regionId === region.regionId && s.tier === tier);
      if (schools.length) groups.push({ key: `${region.regionId}-${tier}`, regionName: locale === 'en' ? region.nameEn : region.nameZh, tier, schools });
    }
  }
  return (
    <Box data-testid="what-if-flips">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="subtitle2" component="h3" sx={{ fontWeight: 600 }}>{translate('app.whatif.flips_title')}</Typography>
        <Chip size="small" color={result.total.passToFail ? 'error' : 'default'} variant="outlined" label={`${translate('app.whatif.pass_to_fail')} ${result.total.passToFail}`} />
        <Chip size="small" color={result.total.failToPass ? 'success' : 'default'} variant="outlined" label={`${translate('app.whatif.fail_to_pass')} ${result.total.failToPass}`} />
      </Stack>
      {groups.length === 0 ? (
        <Typography variant="body2" color="text.secondary">{translate('app.whatif.no_flips')}</Typography>
      ) : groups.map((g) => (
        <Box key={g.key} data-group={g.key} sx={{ mb: 1.5 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="body2" component="h4" sx={{ fontWeight: 600 }}>{g.regionName}</Typography>
            <TierChip tier={g.tier} />
          </Stack>
          <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, mt: 0.5 }}>
            {g.schools.map((s) => (
              <Box component="li" key={s.complianceId} data-school={s.schoolId} data-flip={s.flip} sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap', py: 0.25 }}>
                <Chip size="small" color={s.flip === 'pass_to_fail' ? 'error' : 'success'} label={translate(`app.whatif.${s.flip}`)} />
                <Link component={RouterLink} to={`/schools/${s.schoolId}/show`}>{s.schoolName}</Link>
                <Typography variant="caption" color="text.secondary">
                  {s.flip === 'pass_to_fail'
                    ? translate('app.whatif.failing_after', { kpis: kpis(s.failingAfter) })
                    : translate('app.whatif.failing_before', { kpis: kpis(s.failingBefore) })}
                </Typography>
              </Box>
            ))}
          </Box>
        </Box>
      ))}
    </Box>
  );
}

/**
 * Before saving an edit of a tier policy: which schools would pass or fail their current agreement
 * year under the values in the form, against now: the schools that flip (linked), and the tallies
 * by region and by tier. The server judges with the edited policy and saves nothing.
 */
export function WhatIfPanel() {
  const translate = useTranslate();
  const record = useRecordContext<TierPolicy>();
  const { getValues } = useFormContext();
  const watched = useWatch();
  const [result, setResult] = useState<{ data: WhatIfResult; body: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (!record?.id) return null;
  const current = JSON.stringify(whatIfBody({ ...record, ...(watched as Record<string, unknown>) }));
  const stale = result !== null && result.body !== current;

  const run = async () => {
    const body = whatIfBody({ ...record, ...getValues() });
    setPending(true);
    setError(null);
    try {
      const res = await httpClient(apiUrl(`/tier-policies/${record.id}/what-if`), { method: 'POST', body: JSON.stringify(body) });
      setResult({ data: res.json as WhatIfResult, body: JSON.stringify(body) });
    } catch (e) {
      setError((e as HttpError).message || translate('ra.notification.http_error'));
    } finally {
      setPending(false);
    }
  };

  const total = result?.data.total;
  const schools = total ? total.before.pass + total.before.fail : 0;
  return (
    <Card variant="outlined" sx={{ width: '100%', boxSizing: 'border-box', borderColor: 'primary.light' }} data-testid="what-if">
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, gap: 1 }}>
          <Box>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>{translate('app.whatif.title')}</Typography>
            <Typography variant="body2" color="text.secondary">{translate('app.whatif.help')}</Typography>
          </Box>
          <Button variant="outlined" startIcon={<InsightsIcon />} onClick={run} disabled={pending} sx={{ flexShrink: 0 }}>
            {translate(result ? 'app.whatif.rerun' : 'app.whatif.run')}
          </Button>
        </Stack>
        {pending ? <LinearProgress sx={{ mt: 2 }} /> : null}
        {error ? <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert> : null}
        {stale ? <Alert severity="warning" variant="outlined" sx={{ mt: 2 }}>{translate('app.whatif.stale')}</Alert> : null}
        {result && total ? (
          result.data.byRegion.length === 0 ? (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>{translate('app.whatif.no_schools')}</Typography>
          ) : (
            <Stack spacing={2} sx={{ mt: 2, opacity: stale ? 0.6 : 1 }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Chip
                  color={total.after.pass < total.before.pass ? 'error' : total.after.pass > total.before.pass ? 'success' : 'default'}
                  label={translate('app.whatif.summary', { after: total.after.pass, before: total.before.pass, total: schools, smart_count: schools })}
                  data-testid="what-if-summary"
                />
              </Stack>
              {result.data.recomputedKpis.length ? (
                <Typography variant="body2" color="text.secondary">
                  {translate('app.whatif.recomputed', { kpis: result.data.recomputedKpis.map((k) => translate(`app.kpi.${k}`)).join('、') })}
                </Typography>
              ) : null}
              <WhatIfFlips result={result.data} />
              <Box sx={{ display: 'grid', gridTemplateColumns: '1fr', gap: 2, alignItems: 'start', overflowX: 'auto' }}>
                <WhatIfTable result={result.data} />
                <WhatIfTierTable result={result.data} />
                <Suspense fallback={<Skeleton variant="rounded" height={220} />}>
                  <WhatIfChart result={result.data} />
                </Suspense>
              </Box>
            </Stack>
          )
        ) : null}
      </CardContent>
    </Card>
  );
}
