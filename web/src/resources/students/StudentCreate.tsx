import { FactCreate, FactEdit } from '../../components/facts/FactPages';
import { StudentForm } from './StudentForm';

export const StudentCreate = () => <FactCreate><StudentForm /></FactCreate>;
export const StudentEdit = () => <FactEdit><StudentForm /></FactEdit>;
