import { FactCreate, FactEdit } from './FactPages';
import { StudentForm } from './StudentForm';

export const StudentCreate = () => <FactCreate><StudentForm /></FactCreate>;
export const StudentEdit = () => <FactEdit><StudentForm /></FactEdit>;
