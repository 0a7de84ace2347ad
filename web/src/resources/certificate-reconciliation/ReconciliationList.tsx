import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ReportProblemIcon from '@mui/icons-material/ReportProblemOutlined';
import { Link as RouterLink } from 'react-router-dom';
import { DataTable, List, SelectInput, useRecordContext, useTranslate } from 'react-admin';
import { useVocabularyChoices } from '../../components/choices';
import { searchFilter } from '../../components/list/filters';
import { ListPagination } from '../../components/list/ListPagination';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

/** The problems the reconciliation lists (server: modules/certificates/reconciliation.ts). */
export const reconciliationProblems = ['issued_elsewhere', 'claimed_twice', 'certified_twice'] as const;

/** Another certificate of the problem; one of a school outside the user's regions comes without its school and student. */
type OtherCertificate = {
  certificateId: number;
  kind: string;
  certNo: string | null;
  status: 'claimed' | 'verified';
  issuedOn: string;
} & (
  | { outOfScope: false; schoolId: number; schoolName: string; studentId: number; studentName: string; studentNo: string }
  | { outOfScope: true; schoolId: null; schoolName: null; studentId: null; studentName: null; studentNo: null }
);

/** One row of GET /api/certificate-reconciliation. */
export interface ReconciliationRow {
  id: string;
  problem: (typeof reconciliationProblems)[number];
  schoolId: number;
  schoolName: string;
  studentId: number;
  studentName: string;
  studentNo: string;
  kind: string;
  certNo: string | null;
  certificateId: number;
  others: OtherCertificate[];
}

function ProblemField(_: { source?: string; label?: string }) {
  const record = useRecordContext<ReconciliationRow>();
  const translate = useTranslate();
  if (!record) return null;
  return <Chip size="small" variant="outlined" color="warning" icon={<ReportProblemIcon />} label={translate(`app.certification.problem.${record.problem}`)} />;
}

function SchoolLink(_: { source?: string; label?: string }) {
  const record = useRecordContext<ReconciliationRow>();
  if (!record) return null;
  return <Link component={RouterLink} to={`/schools/${record.schoolId}/show`} onClick={(e) => e.stopPropagation()}>{record.schoolName}</Link>;
}

function StudentCell(_: { source?: string; label?: string }) {
  const record = useRecordContext<ReconciliationRow>();
  if (!record) return null;
  return <Link component={RouterLink} to={`/students/${record.studentId}/show`}>{record.studentName} ({record.studentNo})</Link>;
}

function CertificateCell(_: { source?: string; label?: string }) {
  const record = useRecordContext<ReconciliationRow>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Link component={RouterLink} to={`/certificates/${record.certificateId}/show`}>
      {record.certNo ?? translate('app.certification.no_number')} · {translate(`app.certificate_kind.${record.kind}`, { _: record.kind })}
    </Link>
  );
}

/** The other certificates of the problem: each with its school, student and status, linked to it. */
function OthersCell(_: { source?: string; label?: string }) {
  const record = useRecordContext<ReconciliationRow>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack spacing={0.25}>
      {record.others.map((o) => (
        <Typography key={o.certificateId} variant="body2" component="span">
          {o.outOfScope ? (
            <>{o.certNo ?? translate('app.certification.no_number')}{' · '}{translate('app.certification.other_region')}</>
          ) : (
            <>
              <Link component={RouterLink} to={`/certificates/${o.certificateId}/show`}>{o.certNo ?? translate('app.certification.no_number')}</Link>
              {' · '}{o.studentName} ({o.studentNo}) · <Link component={RouterLink} to={`/schools/${o.schoolId}/show`}>{o.schoolName}</Link>
            </>
          )}
          {' · '}{translate(`app.certificate_status.${o.status}`)}
        </Typography>
      ))}
    </Stack>
  );
}

/**
 * HQ's reconciliation of claimed and verified certificate numbers (regional staff: their regions' schools): a claimed
 * number issued to someone else, a number claimed by several students, a student certified twice for a kind, each
 * with its school, student and certificates.
 */
export function ReconciliationList() {
  const translate = useTranslate();
  const problems = useVocabularyChoices(reconciliationProblems, 'app.certification.problem');
  const filters = [searchFilter(), <SelectInput key="problem" source="problem" choices={problems} alwaysOn sx={{ minWidth: 200 }} />];
  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>{translate('app.certification.reconciliation_help')}</Typography>
      <List
        title={translate('app.certification.reconciliation_title')}
        filters={filters}
        sort={{ field: 'schoolName', order: 'ASC' }}
        perPage={25}
        pagination={<ListPagination />}
        exporter={false}
        empty={<Typography sx={{ p: 2 }}>{translate('app.certification.none')}</Typography>}
      >
        <ResponsiveDataTable rowClick={false} bulkActionButtons={false}>
          <DataTable.Col source="problem" field={ProblemField} />
          <DataTable.Col source="schoolName" field={SchoolLink} />
          <DataTable.Col source="studentName" field={StudentCell} />
          <DataTable.Col source="certNo" field={CertificateCell} />
          <DataTable.Col source="others" disableSort field={OthersCell} />
        </ResponsiveDataTable>
      </List>
    </Box>
  );
}
