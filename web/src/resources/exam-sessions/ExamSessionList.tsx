import { DataTable, List, SelectInput, useRecordContext, useTranslate } from 'react-admin';
import { examinableKinds, examSessionStates } from '@campus/common';
import { StateField } from '../../components/chips';
import { LocalDateField } from '../../components/fields';
import { ListToolbar } from '../../components/list/ListToolbar';
import { searchFilter, useStatusFilter } from '../../components/list/filters';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';
import { useVocabularyChoices } from '../../components/choices';
import { KindsField } from '../exam-sites/KindsField';
import type { ExamSession } from './types';

function TypeField() {
  const record = useRecordContext<ExamSession>();
  const translate = useTranslate();
  return record ? <>{translate(`app.exam_session_type.${record.sessionType}`)}</> : null;
}

function SeatsField() {
  const record = useRecordContext<ExamSession>();
  return record ? <>{record.sites.reduce((n, s) => n + s.seatsLeft, 0)}</> : null;
}

/** Every exam session (HQ, regional staff, schools), newest exam first, with the seats left over its sites. */
export function ExamSessionList() {
  const translate = useTranslate();
  const kindChoices = useVocabularyChoices(examinableKinds, 'app.certificate_kind');
  return (
    <List
      filters={[searchFilter(), useStatusFilter(examSessionStates), <SelectInput key="kind" source="kind" choices={kindChoices} />]}
      sort={{ field: 'examOn', order: 'DESC' }}
      perPage={25}
      exporter={false}
      actions={<ListToolbar filters create />}
      empty={false}
    >
      <ResponsiveDataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" />
        <DataTable.Col source="sessionType" disableSort field={TypeField} />
        <DataTable.Col source="kind" disableSort><KindsField source="kind" /></DataTable.Col>
        <DataTable.Col source="examOn"><LocalDateField source="examOn" /></DataTable.Col>
        <DataTable.Col source="registrationClosesOn"><LocalDateField source="registrationClosesOn" /></DataTable.Col>
        <DataTable.Col label={translate('app.exam.seats_left')} disableSort field={SeatsField} />
        <DataTable.Col source="candidates" disableSort />
        <DataTable.Col source="status"><StateField entity="exam_session" /></DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
}
