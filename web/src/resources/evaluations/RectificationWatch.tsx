import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { useGetList, useTranslate } from 'react-admin';
import { daysBetween, todayInChina } from '@campus/common';
import { kpiLabelKey, listLink } from '../../components/kpi/kpi';
import type { Agreement } from '../agreements/types';

const overdueFilter = { rectificationOverdue: true };
const dueSoonFilter = { rectificationDueWithin: 30 };

/**
 * For HQ and regional staff: rectifications whose deadline has passed without being closed, and how
 * many fall due within 30 days, each a link to the agreements behind it.
 */
export function RectificationWatch() {
  const translate = useTranslate();
  const today = todayInChina();
  const overdue = useGetList<Agreement>('agreements', { filter: overdueFilter, sort: { field: 'rectificationDeadline', order: 'ASC' }, pagination: { page: 1, perPage: 5 } });
  const dueSoon = useGetList<Agreement>('agreements', { filter: dueSoonFilter, pagination: { page: 1, perPage: 1 } });
  const rectifying = useGetList<Agreement>('agreements', { filter: { status: 'rectifying' }, pagination: { page: 1, perPage: 1 } });
  if (overdue.isPending || overdue.error || rectifying.isPending) return null;
  const overdueTotal = overdue.total ?? 0;
  const dueSoonTotal = Math.max((dueSoon.total ?? 0) - overdueTotal, 0);
  const counts = (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }} useFlexGap>
      <Chip component={RouterLink} to={listLink('agreements', { status: 'rectifying' })} clickable size="small" label={translate('app.evaluation.watch.rectifying', { smart_count: rectifying.total ?? 0 })} />
      <Chip component={RouterLink} to={listLink('agreements', dueSoonFilter)} clickable size="small" color={dueSoonTotal ? 'warning' : 'default'} variant="outlined" label={translate('app.evaluation.watch.due_soon', { smart_count: dueSoonTotal })} />
      <Chip component={RouterLink} to={listLink('agreements', overdueFilter)} clickable size="small" color={overdueTotal ? 'error' : 'default'} variant="outlined" label={translate('app.evaluation.watch.overdue', { smart_count: overdueTotal })} />
    </Stack>
  );
  if (!overdueTotal) {
    return (
      <Box sx={{ mt: 2 }} data-testid="rectification-watch">
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <Typography variant="body2" color="text.secondary">{translate('app.evaluation.watch.title')}</Typography>
          {counts}
        </Stack>
      </Box>
    );
  }
  return (
    <Alert
      severity="error"
      variant="outlined"
      sx={{ mt: 2 }}
      data-testid="rectification-watch"
      action={<Button component={RouterLink} to={listLink('agreements', overdueFilter)} color="inherit" size="small">{translate('app.common.view_all')}</Button>}
    >
      <AlertTitle>{translate('app.evaluation.watch.overdue_title', { smart_count: overdueTotal })}</AlertTitle>
      <Stack spacing={0.5} sx={{ mb: 1 }}>
        {overdue.data?.map((a) => (
          <Typography key={a.id} variant="body2">
            <Link component={RouterLink} to={`/agreements/${a.id}/show`}>{a.schoolName}</Link>
            {' · '}
            {translate('app.evaluation.watch.overdue_by', { deadline: a.rectification?.deadline ?? a.rectificationDeadline ?? '—', smart_count: a.rectificationDeadline ? daysBetween(a.rectificationDeadline, today) : 0 })}
            {' · '}
            {(a.rectification?.kpis ?? []).map((k) => `${translate(kpiLabelKey(k.kpi), { _: k.kpi })}${k.met ? ' ✓' : ' ✗'}`).join('、')}
          </Typography>
        ))}
      </Stack>
      {counts}
    </Alert>
  );
}
