import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import ReplayIcon from '@mui/icons-material/Replay';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import InboxIcon from '@mui/icons-material/MoveToInbox';
import {
  CreateButton,
  DataTable,
  List,
  SelectInput,
  useCanAccess,
  useListContext,
  usePermissions,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { StateField, TierField } from '../../components/chips';
import { LocalDateField } from '../../components/fields';
import { ListToolbar } from '../../components/list/ListToolbar';
import { searchFilter, useRegionFilter } from '../../components/list/filters';
import { useTierChoices, useVocabularyChoices } from '../../components/choices';
import { applicationStates } from '../../providers/permissions';
import type { Application } from './plan-model';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

const reviewerRoles = ['hq', 'regional'];
/** Days waiting in a review state from which the list flags the row (a week, then two). */
export const LONG_WAIT_DAYS = 7;
export const VERY_LONG_WAIT_DAYS = 14;

/** "3 天" with the long waits in warning and error colours. */
export function WaitingDaysField() {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  if (record?.waitingDays == null) return <span>—</span>;
  const days = record.waitingDays;
  const colour = days >= VERY_LONG_WAIT_DAYS ? 'error.main' : days >= LONG_WAIT_DAYS ? 'warning.dark' : undefined;
  return (
    <Box component="span" sx={{ color: colour, fontWeight: colour ? 600 : undefined }} data-long-wait={days >= LONG_WAIT_DAYS || undefined}>
      {translate('resources.applications.list.days', { smart_count: days })}
    </Box>
  );
}

/** The state, and for an application under review again after a return, the mark "resubmitted" (its changes are on its page). */
function StateWithResubmission() {
  const record = useRecordContext<Application & { resubmitted?: boolean }>();
  const translate = useTranslate();
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, alignItems: 'center', flexWrap: 'wrap' }}>
      <StateField source="status" />
      {record?.resubmitted ? <Chip size="small" color="info" variant="outlined" icon={<ReplayIcon />} label={translate('app.review.resubmitted')} data-testid="resubmitted-mark" /> : null}
    </Box>
  );
}

/** "What waits for me" or everything the user may see; the queue is the reviewers' default. */
function QueueToggle() {
  const { filterValues, setFilters, displayedFilters, setSort } = useListContext();
  const translate = useTranslate();
  const queue = filterValues.queue === true;
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={queue ? 'queue' : 'all'}
      onChange={(_, value: 'queue' | 'all' | null) => {
        if (!value) return;
        const { queue: _q, ...rest } = filterValues;
        // The server accepts queue=true only: "all" drops the filter.
        setFilters(value === 'queue' ? { ...rest, queue: true } : rest, displayedFilters);
        setSort(value === 'queue' ? { field: 'waitingDays', order: 'DESC' } : { field: 'updatedAt', order: 'DESC' });
      }}
      aria-label={translate('resources.applications.list.queue')}
    >
      <ToggleButton value="queue" data-testid="queue-toggle-queue">
        <InboxIcon fontSize="small" sx={{ mr: 0.5 }} />
        {translate('resources.applications.list.queue')}
      </ToggleButton>
      <ToggleButton value="all" data-testid="queue-toggle-all">{translate('resources.applications.list.all')}</ToggleButton>
    </ToggleButtonGroup>
  );
}

function ListActions() {
  const { permissions: role } = usePermissions<string>();
  return (
    <ListToolbar sx={{ alignItems: 'center' }} create={<CreateButton label="resources.applications.list.new" variant="contained" />}>
      {reviewerRoles.includes(role ?? '') ? <QueueToggle /> : null}
    </ListToolbar>
  );
}

function useApplicationFilters() {
  const { permissions: role } = usePermissions<string>();
  const translate = useTranslate();
  const regionFilter = useRegionFilter({ alwaysOn: true });
  const tierChoices = useTierChoices();
  const statusChoices = useVocabularyChoices(applicationStates, 'app.state');
  const waitChoices = [3, 7, 14, 30].map((d) => ({ id: d, name: translate('resources.applications.list.waiting_at_least', { smart_count: d }) }));
  if (role === 'school') {
    return [<SelectInput key="status" source="status" choices={statusChoices} alwaysOn sx={{ minWidth: 140 }} />];
  }
  return [
    searchFilter(translate('resources.applications.list.search')),
    regionFilter,
    <SelectInput key="tier" source="tier" choices={tierChoices} alwaysOn sx={{ minWidth: 160 }} />,
    <SelectInput key="status" source="status" choices={statusChoices} alwaysOn sx={{ minWidth: 140 }} />,
    <SelectInput key="minWaitingDays" source="minWaitingDays" choices={waitChoices} alwaysOn sx={{ minWidth: 160 }} />,
  ];
}

function Empty() {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const { canAccess: canCreate } = useCanAccess({ resource: 'applications', action: 'create' });
  return (
    <Box sx={{ textAlign: 'center', py: 6 }}>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate(filterValues.queue ? 'resources.applications.list.queue_empty' : 'resources.applications.list.empty')}
      </Typography>
      {canCreate ? <CreateButton label="resources.applications.list.new" variant="contained" /> : null}
    </Box>
  );
}

/** A school continues its draft or returned application in the form; everything else opens read-only. */
const rowClick = (_id: unknown, _resource: string, record: RaRecord) => ((record as Application).editable ? 'edit' : 'show');

export function ApplicationList() {
  const { permissions: role, isPending } = usePermissions<string>();
  const filters = useApplicationFilters();
  if (isPending) return null;
  const reviewer = reviewerRoles.includes(role ?? '');
  return (
    <List
      filters={filters}
      filterDefaultValues={reviewer ? { queue: true } : {}}
      sort={reviewer ? { field: 'waitingDays', order: 'DESC' } : { field: 'updatedAt', order: 'DESC' }}
      perPage={25}
      actions={<ListActions />}
      empty={false}
      storeKey={`applications.${role}`}
    >
      <ResponsiveDataTable rowClick={rowClick} bulkActionButtons={false} empty={<Empty />}>
        <DataTable.Col source="id" label="resources.applications.fields.id" />
        {role === 'school' ? null : <DataTable.Col source="schoolName" />}
        <DataTable.Col source="tier" field={TierField} />
        <DataTable.Col source="status" field={StateWithResubmission} />
        <DataTable.Col source="submittedAt">
          <LocalDateField source="submittedAt" showTime emptyText="—" />
        </DataTable.Col>
        {role === 'school' ? (
          <DataTable.Col source="updatedAt">
            <LocalDateField source="updatedAt" showTime />
          </DataTable.Col>
        ) : (
          <DataTable.Col source="waitingDays" field={WaitingDaysField} />
        )}
      </ResponsiveDataTable>
    </List>
  );
}
