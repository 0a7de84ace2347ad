import { httpClient } from '../../providers/httpClient';
import { apiUrl } from '../../providers/dataProvider';
import { XLSX_TYPE, isXlsx } from '../../components/import/importApi';

/** One instructor's result as the form sends it. */
export interface ParticipantRow { instructorId: number; passed: boolean; score?: number | null; certNo?: string | null }

/** POST /api/instructor-trainings/:id/participants: all or none. */
export async function addParticipants(trainingId: number, participants: ParticipantRow[]) {
  const res = await httpClient(apiUrl(`/instructor-trainings/${trainingId}/participants`), { method: 'POST', body: JSON.stringify({ participants }) });
  return res.json as { created: number; certified: number };
}

/** POST /api/instructor-trainings/:id/participants/import with a CSV or .xlsx file: all rows or none. */
export async function importParticipants(trainingId: number, file: File) {
  const xlsx = isXlsx(file);
  const body = xlsx ? await file.arrayBuffer() : await file.text();
  const res = await httpClient(apiUrl(`/instructor-trainings/${trainingId}/participants/import`), {
    method: 'POST',
    headers: new Headers({ 'Content-Type': xlsx ? XLSX_TYPE : 'text/csv; charset=utf-8' }),
    body,
  });
  return res.json as { created: number };
}

/** The import template's address (a download link). */
export const templateUrl = (trainingId: number, format: 'csv' | 'xlsx') => apiUrl(`/instructor-trainings/${trainingId}/participants/import/template?format=${format}`);
