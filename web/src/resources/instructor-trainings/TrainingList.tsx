import { DataTable, DateField, FunctionField, List, useTranslate } from 'react-admin';
import { ListEmpty } from '../../components/list/ListEmpty';
import { ListToolbar } from '../../components/list/ListToolbar';
import { searchFilter } from '../../components/list/filters';
import { ResponsiveDataTable } from '../../components/list/ResponsiveDataTable';
import type { Training } from './training-types';

export function LevelField() {
  const translate = useTranslate();
  return <FunctionField<Training> render={(r) => translate(`app.cert_level.${r.level}`, { _: r.level })} />;
}

/** The trainings: HQ's all, regional staff's all, a school's those its instructors took (participants counted in scope). */
export function TrainingList() {
  return (
    <List filters={[searchFilter()]} sort={{ field: 'endsOn', order: 'DESC' }} perPage={25} actions={<ListToolbar create />} empty={<ListEmpty />}>
      <ResponsiveDataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" />
        <DataTable.Col source="level" field={LevelField} />
        <DataTable.Col source="startsOn" field={DateField} />
        <DataTable.Col source="endsOn" field={DateField} />
        <DataTable.Col source="location" disableSort />
        <DataTable.NumberCol source="participants" disableSort />
        <DataTable.NumberCol source="passed" disableSort />
      </ResponsiveDataTable>
    </List>
  );
}
