import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  DataTable,
  NullableBooleanInput,
  NumberInput,
  SelectInput,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { StateField, TierField } from '../../components/chips';
import { LocalDateField } from '../../components/fields';
import { QueueList } from '../../components/list/QueueList';
import { searchFilter, useRegionFilter, useStatusFilter } from '../../components/list/filters';
import { useTierChoices, useVocabularyChoices } from '../../components/choices';
import { evaluationStates } from '../../providers/permissions';
import { annualDecisions, finalDecisions } from './decide';
import { BulkOpenButton } from './BulkOpenButton';
import { DecisionChip } from './EvaluationShow';
import { CompliantChip } from './KpiVerdict';
import { failingOf, kpiLabelKey } from '../../components/kpi/kpi';
import { OpenEvaluationButton } from './OpenEvaluationButton';
import { RectificationWatch } from './RectificationWatch';
import type { Evaluation } from './types';
import { useEvaluationExporter } from './exporters';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

const decisions = [...new Set([...annualDecisions, ...finalDecisions])];

function useFilters() {
  const { permissions: role } = usePermissions<string>();
  const decisionChoices = useVocabularyChoices(decisions, 'app.action');
  const kindChoices = useVocabularyChoices(['annual', 'final'], 'app.evaluation.kind');
  const tierChoices = useTierChoices();
  const regionFilter = useRegionFilter();
  return [
    searchFilter(),
    useStatusFilter(evaluationStates, 'app.state_by_entity.evaluation'),
    <SelectInput key="decision" source="decision" choices={decisionChoices} sx={{ minWidth: 130 }} />,
    <SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn sx={{ minWidth: 130 }} />,
    <SelectInput key="tier" source="tier" choices={tierChoices} sx={{ minWidth: 160 }} />,
    ...(role === 'school' ? [] : [regionFilter]),
    <NullableBooleanInput key="compliant" source="compliant" />,
    <NumberInput key="year" source="year" min={1} max={20} sx={{ width: 120 }} />,
  ];
}

function YearField() {
  const record = useRecordContext<Evaluation>();
  const translate = useTranslate();
  if (!record) return null;
  return <span style={{ whiteSpace: 'nowrap' }}>{translate('app.evaluation.year_n', { year: record.year })}</span>;
}

function KindField() {
  const record = useRecordContext<Evaluation>();
  const translate = useTranslate();
  if (!record) return null;
  return <Chip size="small" variant="outlined" color={record.kind === 'final' ? 'secondary' : 'default'} label={translate(`app.evaluation.kind_short.${record.kind}`)} />;
}

function CompliantField() {
  const record = useRecordContext<Evaluation>();
  if (!record) return null;
  return <CompliantChip compliant={record.snapshot?.compliant ?? record.compliant} />;
}

function FailingField() {
  const record = useRecordContext<Evaluation>();
  const translate = useTranslate();
  if (!record) return null;
  const failing = failingOf(record.snapshot);
  if (!failing.length) return <Typography variant="body2" color="text.disabled">—</Typography>;
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }} useFlexGap>
      {failing.map((k) => <Chip key={k} size="small" color="error" variant="outlined" label={translate(kpiLabelKey(k))} />)}
    </Stack>
  );
}

function DecisionField() {
  const record = useRecordContext<Evaluation>();
  if (!record?.decision) return null;
  return <DecisionChip decision={record.decision} />;
}

export function EvaluationList() {
  const exporter = useEvaluationExporter();
  const filters = useFilters();
  const { permissions: role } = usePermissions<string>();
  return (
    <>
      {role === 'hq' || role === 'regional' ? <RectificationWatch /> : null}
      <QueueList queue={{ role: 'hq', status: 'open' }} exporter={exporter} filters={filters} create={<><OpenEvaluationButton /><BulkOpenButton /></>}>
        <ResponsiveDataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="schoolName" />
          <DataTable.Col source="year" field={YearField} />
          <DataTable.Col source="kind" disableSort field={KindField} />
          <DataTable.Col source="tier" disableSort field={TierField} />
          <DataTable.Col source="compliant" disableSort field={CompliantField} />
          <DataTable.Col source="failingKpis" label="app.evaluation.failing" disableSort field={FailingField} />
          <DataTable.Col source="status">
            <StateField entity="evaluation" />
          </DataTable.Col>
          <DataTable.Col source="decision" disableSort field={DecisionField} />
          <DataTable.Col source="createdAt">
            <LocalDateField source="createdAt" />
          </DataTable.Col>
        </ResponsiveDataTable>
      </QueueList>
    </>
  );
}
