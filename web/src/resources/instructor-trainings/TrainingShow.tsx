import { DateField, FunctionField, NumberField, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import { LevelField } from './TrainingList';
import { ParticipantsPanel } from './ParticipantsPanel';
import type { Training } from './training-types';

function Title() {
  const record = useRecordContext<Training>();
  return record ? <span>{record.title}</span> : null;
}

function Participants() {
  const record = useRecordContext<Training>();
  return record ? <ParticipantsPanel training={record} /> : null;
}

/** A training and the instructors who took it (HQ adds and removes them; others read those of their scope). */
export function TrainingShow() {
  return (
    <Show title={<Title />}>
      <SimpleShowLayout>
        <TextField source="title" />
        <FunctionField source="level" render={() => <LevelField />} />
        <DateField source="startsOn" />
        <DateField source="endsOn" />
        <TextField source="location" emptyText="—" />
        <NumberField source="validityMonths" />
      </SimpleShowLayout>
      <Participants />
    </Show>
  );
}
