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
import InsightsIcon from '@mui/icons-material/Insights';
import { useFormContext, useWatch } from 'react-hook-form';
import { useLocaleState, useRecordContext, useTranslate, type HttpError } from 'react-admin';
import { httpClient } from '../../providers/httpClient';
import { apiUrl } from '../../providers/dataProvider';
import { toUpdateBody, type TierPolicy } from '../../components/policy/thresholds';

const WhatIfChart = lazy(() => import('./WhatIfChart'));

export interface PassFail { pass: number; fail: number }
export interface WhatIfRegion { regionId: number; nameZh: string; nameEn: string; before: PassFail; after: PassFail }
/** POST /api/tier-policies/:id/what-if: schools passing and failing per region, now and with the edit. */
export interface WhatIfResult { byRegion: WhatIfRegion[]; total: { before: PassFail; after: PassFail } }

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

export function WhatIfTable({ result }: { result: WhatIfResult }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const name = (r: WhatIfRegion) => (locale === 'en' ? r.nameEn : r.nameZh);
  const rows = [...result.byRegion.map((r) => ({ key: String(r.regionId), label: name(r), before: r.before, after: r.after, strong: false })),
    { key: 'total', label: translate('app.whatif.total'), before: result.total.before, after: result.total.after, strong: true }];
  return (
    <Table size="small" aria-label={translate('app.whatif.title')} sx={{ '& th, & td': { whiteSpace: 'nowrap' } }}>
      <TableHead>
        <TableRow>
          <TableCell rowSpan={2}>{translate('app.whatif.region')}</TableCell>
          <TableCell colSpan={2} align="center">{translate('app.whatif.before')}</TableCell>
          <TableCell colSpan={2} align="center">{translate('app.whatif.after')}</TableCell>
          <TableCell rowSpan={2} align="right">{translate('app.whatif.change')}</TableCell>
        </TableRow>
        <TableRow>
          <TableCell align="right">{translate('app.whatif.pass')}</TableCell>
          <TableCell align="right">{translate('app.whatif.fail')}</TableCell>
          <TableCell align="right">{translate('app.whatif.pass')}</TableCell>
          <TableCell align="right">{translate('app.whatif.fail')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key} data-region={r.key} sx={r.strong ? { '& td': { fontWeight: 700 } } : undefined}>
            <TableCell>{r.label}</TableCell>
            <TableCell align="right">{r.before.pass}</TableCell>
            <TableCell align="right">{r.before.fail}</TableCell>
            <TableCell align="right" sx={{ color: r.after.pass !== r.before.pass ? 'primary.main' : undefined }}>{r.after.pass}</TableCell>
            <TableCell align="right" sx={{ color: r.after.fail !== r.before.fail ? 'primary.main' : undefined }}>{r.after.fail}</TableCell>
            <TableCell align="right"><Delta value={r.after.pass - r.before.pass} /></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * Before saving an edit of a tier policy: how many schools of each region would pass or fail their
 * current agreement year under the values in the form, against how many do now. The server
 * recomputes with the edited policy in place of the stored one and saves nothing.
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
              <Box sx={{ display: 'grid', gridTemplateColumns: '1fr', gap: 2, alignItems: 'start' }}>
                <WhatIfTable result={result.data} />
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
