import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import {
  EditButton, ShowBase, Title, useCanAccess, useDelete, useGetList, useNotify, usePermissions, useRefresh, useShowContext, useTranslate,
} from 'react-admin';
import { Fact } from '../../components/Fact';
import { LocalDateField } from '../../components/fields';
import { RecordHistory } from '../../components/RecordHistory';
import { ReviewActions } from '../../components/workflow/ReviewActions';
import { WorkflowHeader } from '../../components/workflow/WorkflowHeader';
import { useErrorText } from '../../components/problem/parse-problem';
import { apiUrl } from '../../providers/dataProvider';
import { KindsField } from '../exam-sites/KindsField';
import { RegisterCandidates } from './RegisterCandidates';
import { ImportResultsButton } from '../exam-results/ImportResults';
import { examSessionReview } from './specs';
import type { ExamCandidate, ExamSession } from './types';

const exportUrl = (id: number | string, siteId?: number) => apiUrl(`/exam-sessions/${id}/candidates/export${siteId ? `?siteId=${siteId}` : ''}`);

/** The session's sites with their seats, and a download of each site's candidate list. */
function SitesTable({ session, exportable }: { session: ExamSession; exportable: boolean }) {
  const translate = useTranslate();
  return (
    <Table size="small" aria-label={translate('app.exam.sites')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.exam-sites.fields.name')}</TableCell>
          <TableCell align="right">{translate('resources.exam-sites.fields.capacity')}</TableCell>
          <TableCell align="right">{translate('app.exam.registered')}</TableCell>
          <TableCell align="right">{translate('app.exam.seats_left')}</TableCell>
          {exportable ? <TableCell /> : null}
        </TableRow>
      </TableHead>
      <TableBody>
        {session.sites.map((s) => (
          <TableRow key={s.siteId}>
            <TableCell>{s.name}</TableCell>
            <TableCell align="right">{s.capacity}</TableCell>
            <TableCell align="right">{s.registered}</TableCell>
            <TableCell align="right">{s.seatsLeft}</TableCell>
            {exportable ? (
              <TableCell align="right">
                <Button size="small" href={exportUrl(session.id, s.siteId)} startIcon={<DownloadIcon />}>{translate('app.exam.export_site', { site: s.name })}</Button>
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The candidates of the session the reader may see (a school: its own), with a withdraw button while registration is open. */
function Candidates({ session }: { session: ExamSession }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const errorText = useErrorText();
  const [remove, { isPending: removing }] = useDelete();
  const { data = [], total = 0 } = useGetList<ExamCandidate>('exam-candidates', { filter: { sessionId: session.id }, pagination: { page: 1, perPage: 500 }, sort: { field: 'studentNo', order: 'ASC' } });
  const withdraw = (c: ExamCandidate) => remove('exam-candidates', { id: c.id, previousData: c }, {
    mutationMode: 'pessimistic',
    onSuccess: () => { notify(translate('app.exam.withdrawn', { name: `${c.studentNo} ${c.studentName}` }), { type: 'success' }); refresh(); },
    onError: (error) => notify(errorText(error), { type: 'error' }),
  });
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>{translate('app.exam.my_candidates', { smart_count: total })}</Typography>
        {data.length ? (
          <Table size="small" aria-label={translate('app.exam.my_candidates', { smart_count: total })}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.exam-candidates.fields.studentNo')}</TableCell>
                <TableCell>{translate('resources.exam-candidates.fields.studentName')}</TableCell>
                <TableCell>{translate('resources.exam-candidates.fields.schoolName')}</TableCell>
                <TableCell>{translate('resources.exam-candidates.fields.siteName')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>{c.studentNo}</TableCell>
                  <TableCell>{c.studentName}</TableCell>
                  <TableCell>{c.schoolName}</TableCell>
                  <TableCell>{c.siteName}</TableCell>
                  <TableCell align="right">
                    {c.withdrawable ? (
                      <Button size="small" color="error" disabled={removing} onClick={() => withdraw(c)} aria-label={`${translate('app.exam.withdraw')} ${c.studentNo} ${c.studentName}`}>
                        {translate('app.exam.withdraw')}
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : <Typography color="text.secondary">{translate('app.exam.no_candidates')}</Typography>}
      </CardContent>
    </Card>
  );
}

function ExamSessionPage() {
  const { record, isPending, error } = useShowContext<ExamSession>();
  const translate = useTranslate();
  const { permissions: role } = usePermissions<string>();
  const { canAccess: exportable } = useCanAccess({ resource: 'exam-candidates', action: 'export' });
  if (error) return <Alert severity="error" sx={{ mt: 2 }}>{(error as Error).message}</Alert>;
  if (isPending || !record) return null;
  const f = (field: string) => translate(`resources.exam-sessions.fields.${field}`);
  return (
    <Stack spacing={2} sx={{ py: 2 }}>
      <Title title={record.title} />
      <Card variant="outlined">
        <CardContent>
          <WorkflowHeader
            resource="exam-sessions"
            entity="exam_session"
            record={record}
            title={record.title}
            subtitle={translate(`app.exam_session_type.${record.sessionType}`)}
            actions={<>
              {role === 'hq' && record.status === 'scheduled' ? <EditButton /> : null}
              {exportable ? <Button href={exportUrl(record.id)} startIcon={<DownloadIcon />}>{translate('app.exam.export')}</Button> : null}
              <ImportResultsButton session={record} />
              <ReviewActions {...examSessionReview} record={record} />
            </>}
          />
          <Grid container spacing={2} sx={{ mt: 1 }}>
            <Grid size={{ xs: 6, md: 3 }}><Fact label={f('kind')}><KindsField source="kind" /></Fact></Grid>
            <Grid size={{ xs: 6, md: 3 }}><Fact label={f('examOn')}><LocalDateField source="examOn" /></Fact></Grid>
            <Grid size={{ xs: 6, md: 3 }}><Fact label={f('registrationOpensOn')}><LocalDateField source="registrationOpensOn" /></Fact></Grid>
            <Grid size={{ xs: 6, md: 3 }}><Fact label={f('registrationClosesOn')}><LocalDateField source="registrationClosesOn" /></Fact></Grid>
          </Grid>
          <Alert severity={record.registrationOpen ? 'info' : 'warning'} variant="outlined" sx={{ mt: 2 }}>
            {record.registrationOpen
              ? translate('app.exam.registration_open', { date: record.registrationClosesOn })
              : translate('app.exam.registration_not_open', { from: record.registrationOpensOn, to: record.registrationClosesOn })}
          </Alert>
          <Typography variant="subtitle1" component="h2" sx={{ mt: 2 }}>{translate('app.exam.sites')}</Typography>
          <SitesTable session={record} exportable={!!exportable} />
        </CardContent>
      </Card>
      {role === 'school' && record.registrationOpen ? <RegisterCandidates session={record} /> : null}
      <Candidates session={record} />
      <RecordHistory entityType="exam_session" entityId={Number(record.id)} />
    </Stack>
  );
}

export function ExamSessionShow() {
  return <ShowBase><ExamSessionPage /></ShowBase>;
}
