import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlined';
import { Link as RouterLink } from 'react-router-dom';
import { useGetList, useTranslate } from 'react-admin';
import { daysBetween, todayInChina } from '@campus/common';
import { factsLink, kpiLabelKey, kpiNames, type KpiName } from '../components/kpi/kpi';
import type { Agreement } from '../resources/agreements/types';
import { AgreementEvidence } from '../components/evidence/AgreementEvidence';

/** "还剩 12 天" / "已逾期 3 天" / "今天到期", with the tone of its urgency. */
export function DeadlineChip({ deadline, today = todayInChina() }: { deadline: string | null; today?: string }) {
  const translate = useTranslate();
  if (!deadline) return null;
  const days = daysBetween(today, deadline);
  if (days < 0) return <Chip color="error" label={translate('app.rectification.overdue_by', { smart_count: -days })} />;
  if (days === 0) return <Chip color="error" variant="outlined" label={translate('app.rectification.due_today')} />;
  return <Chip color={days <= 30 ? 'warning' : 'default'} variant="outlined" label={translate('app.rectification.days_left', { smart_count: days })} />;
}

function RectificationCard({ agreement }: { agreement: Agreement }) {
  const translate = useTranslate();
  const r = agreement.rectification;
  const deadline = r?.deadline ?? agreement.rectificationDeadline;
  const kpis = r?.kpis ?? (agreement.rectificationKpis ?? []).map((kpi) => ({ kpi, met: null }));
  const open = kpis.filter((k) => k.met !== true).length;
  return (
    <Card variant="outlined" sx={{ borderColor: r?.overdue ? 'error.main' : 'warning.main' }} data-testid="rectification-panel">
      <CardHeader
        title={translate('app.rectification.title')}
        subheader={translate('app.rectification.subtitle', { deadline: deadline ?? '—' })}
        slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }}
        action={<DeadlineChip deadline={deadline} />}
      />
      <CardContent sx={{ pt: 0 }}>
        <Stack spacing={2}>
          {agreement.rectificationNotice ? (
            <Box sx={{ pl: 1.5, borderLeft: 3, borderColor: 'warning.light' }}>
              <Typography variant="caption" color="text.secondary">{translate('app.rectification.notice')}</Typography>
              <Typography sx={{ whiteSpace: 'pre-wrap' }}>{agreement.rectificationNotice}</Typography>
            </Box>
          ) : null}
          <Box>
            <Typography variant="body2" color="text.secondary">{translate('app.rectification.kpis_now')}</Typography>
            <List dense disablePadding>
              {kpis.map(({ kpi, met }) => (
                <ListItem
                  key={kpi}
                  disableGutters
                  data-kpi={kpi}
                  secondaryAction={(kpiNames as readonly string[]).includes(kpi) && met !== true ? (
                    <Button component={RouterLink} to={factsLink(kpi as KpiName)} size="small" variant="outlined">
                      {translate('app.rectification.add_facts')}
                    </Button>
                  ) : undefined}
                >
                  <ListItemIcon sx={{ minWidth: 32 }}>
                    {met === true ? <CheckCircleIcon color="success" fontSize="small" /> : met === false ? <ErrorIcon color="error" fontSize="small" /> : <HelpOutlineIcon color="disabled" fontSize="small" />}
                  </ListItemIcon>
                  <ListItemText
                    primary={translate(kpiLabelKey(kpi), { _: kpi })}
                    secondary={translate(met === true ? 'app.rectification.met_now' : met === false ? 'app.rectification.not_met_now' : 'app.rectification.unknown_now')}
                  />
                </ListItem>
              ))}
            </List>
          </Box>
          {r?.canClose ? (
            <Alert severity="success">{translate('app.rectification.can_close')}</Alert>
          ) : r?.overdue ? (
            <Alert severity="error">{translate('app.rectification.overdue_help', { smart_count: open })}</Alert>
          ) : (
            <Alert severity="info" variant="outlined">{translate('app.rectification.help', { smart_count: open })}</Alert>
          )}
          <AgreementEvidence agreement={agreement} rectification />
        </Stack>
      </CardContent>
    </Card>
  );
}

/**
 * On the school's dashboard while its partnership is under rectification: the notice, each KPI to
 * fix and whether it passes now (the server's verdict on the current agreement year), the deadline,
 * and where to record what is missing. Renders nothing when there is no rectification.
 */
export function RectificationPanel(_props: { schoolId?: number | null }) {
  const { data } = useGetList<Agreement>('agreements', {
    filter: { status: 'rectifying' },
    sort: { field: 'rectificationDeadline', order: 'ASC' },
    pagination: { page: 1, perPage: 5 },
  });
  if (!data?.length) return null;
  return (
    <Stack spacing={2}>
      {data.map((agreement) => <RectificationCard key={agreement.id} agreement={agreement} />)}
    </Stack>
  );
}

export default RectificationPanel;
