import Box from '@mui/material/Box';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import {
  CreateButton,
  DataTable,
  List,
  SelectInput,
  useListContext,
  useLocaleState,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { StateField, TierField } from '../../components/chips';
import { formatCalendarDate, formatLastDay } from '../../components/dates';
import { ListToolbar } from '../../components/list/ListToolbar';
import { ListEmpty } from '../../components/list/ListEmpty';
import { searchFilter, useRegionFilter } from '../../components/list/filters';
import { useTierChoices, useVocabularyChoices } from '../../components/choices';
import { agreementStates } from '../../providers/permissions';
import type { Agreement } from './types';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';

/** Rectifications due within this many days are "due soon" (the server's deadline notices use 30 too). */
export const DUE_SOON_DAYS = 30;

type Quick = 'all' | 'due' | 'overdue';

/** HQ's quick filter: every agreement, rectifications due within 30 days (or overdue), or overdue only. */
function RectificationToggle() {
  const { filterValues, setFilters, displayedFilters, setSort } = useListContext();
  const translate = useTranslate();
  const value: Quick = filterValues.rectificationOverdue ? 'overdue' : filterValues.rectificationDueWithin != null ? 'due' : 'all';
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={value}
      onChange={(_, next: Quick | null) => {
        if (!next) return;
        const { rectificationOverdue: _o, rectificationDueWithin: _d, ...rest } = filterValues;
        if (next === 'due') setFilters({ ...rest, rectificationDueWithin: DUE_SOON_DAYS }, displayedFilters);
        else if (next === 'overdue') setFilters({ ...rest, rectificationOverdue: true }, displayedFilters);
        else setFilters(rest, displayedFilters);
        setSort(next === 'all' ? { field: 'updatedAt', order: 'DESC' } : { field: 'rectificationDeadline', order: 'ASC' });
      }}
      aria-label={translate('resources.agreements.list.rectification_filter')}
    >
      <ToggleButton value="all">{translate('resources.agreements.list.all')}</ToggleButton>
      <ToggleButton value="due" data-testid="quick-due">{translate('resources.agreements.list.due_soon', { days: DUE_SOON_DAYS })}</ToggleButton>
      <ToggleButton value="overdue" data-testid="quick-overdue">{translate('resources.agreements.list.overdue')}</ToggleButton>
    </ToggleButtonGroup>
  );
}

function ListActions() {
  const { permissions: role } = usePermissions<string>();
  return (
    <ListToolbar create={<CreateButton label="resources.agreements.existing.button" />} importable>
      {role === 'hq' ? <RectificationToggle /> : null}
    </ListToolbar>
  );
}

function useAgreementFilters() {
  const { permissions: role } = usePermissions<string>();
  const translate = useTranslate();
  const tierChoices = useTierChoices();
  const statusChoices = useVocabularyChoices(agreementStates, 'app.state');
  const regionFilter = useRegionFilter({ alwaysOn: true });
  const many = role !== 'school';
  return [
    ...(many ? [searchFilter(translate('resources.applications.list.search'))] : []),
    ...(many
      ? [
          regionFilter,
          <SelectInput key="tier" source="tier" choices={tierChoices} alwaysOn sx={{ minWidth: 160 }} />,
        ]
      : []),
    <SelectInput key="status" source="status" choices={statusChoices} alwaysOn sx={{ minWidth: 140 }} />,
  ];
}

/** "第 2 年 / 共 3 年", or the term alone before the agreement starts. */
function YearField() {
  const record = useRecordContext<Agreement>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <span>
      {record.startDate && record.currentYear
        ? translate('resources.agreements.term.year_of', { year: record.currentYear, total: record.termYears })
        : translate('resources.agreements.term.not_started', { total: record.termYears })}
    </span>
  );
}

/** The rectification deadline of a rectifying agreement, red once it has passed. */
function DeadlineField() {
  const record = useRecordContext<Agreement>();
  const translate = useTranslate();
  const r = record?.rectification;
  if (!r?.deadline) return <span>—</span>;
  return (
    <Box component="span" sx={{ color: r.overdue ? 'error.main' : 'warning.dark', fontWeight: 600 }} data-overdue={r.overdue || undefined}>
      {r.deadline}
      {r.overdue ? ` · ${translate('resources.agreements.list.overdue_short')}` : ''}
    </Box>
  );
}

export function AgreementList() {
  const filters = useAgreementFilters();
  const { permissions: role } = usePermissions<string>();
  return (
    <List filters={filters} sort={{ field: 'updatedAt', order: 'DESC' }} perPage={25} actions={<ListActions />} storeKey={`agreements.${role}`} empty={<ListEmpty create={<CreateButton variant="contained" label="resources.agreements.existing.button" />} importable />}>
      <ResponsiveDataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="id" />
        {role === 'school' ? null : <DataTable.Col source="schoolName" />}
        <DataTable.Col source="tier" field={TierField} />
        <DataTable.Col source="status" field={StateField} />
        <DataTable.Col source="startDate">
          <span><DateText source="startDate" /></span>
        </DataTable.Col>
        <DataTable.Col source="currentYear" disableSort field={YearField} />
        <DataTable.Col source="endDate" disableSort>
          <DateText source="endDate" />
        </DataTable.Col>
        <DataTable.Col source="rectificationDeadline" field={DeadlineField} />
      </ResponsiveDataTable>
    </List>
  );
}

/**
 * A calendar date (YYYY-MM-DD, China) in the UI language's format, or a dash. The end date is the exclusive end of the
 * term as the API gives it: shown as its inclusive last day, as the show page and the compliance years show it.
 */
function DateText({ source }: { source: keyof Agreement }) {
  const record = useRecordContext<Agreement>();
  const [locale] = useLocaleState();
  const value = record?.[source];
  if (typeof value !== 'string' || !value) return <span>—</span>;
  return <span>{source === 'endDate' ? formatLastDay(value, locale) : formatCalendarDate(value, locale)}</span>;
}
