import { httpClient } from '../../providers/httpClient';
import { API_URL } from '../../providers/dataProvider';
import { intlLocale } from '../../i18n';

/** GET /api/evidence rows: a file attached to a record (an application, an agreement, a report…). */
export interface EvidenceFile {
  id: number;
  schoolId?: number;
  entityType: string;
  entityId: number | null;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  description: string | null;
  uploaderName: string | null;
  uploadedAt: string;
  downloadUrl: string;
}

/** What the server accepts (server/src/modules/storage/file-types.ts), up to 10 MB; it checks again. */
export const ACCEPTED_FILES = '.pdf,.png,.jpg,.jpeg,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx';
export const ACCEPTED_IMAGES = '.png,.jpg,.jpeg,.webp';

export function fileSize(bytes: number, locale: string) {
  const f = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${f.format(bytes / 1024)} KB`;
  return `${f.format(bytes / 1024 / 1024)} MB`;
}

/** POST /api/evidence as multipart/form-data; answers the stored record (with downloadUrl). */
export async function uploadEvidence(entityType: string, entityId: number, file: File, description?: string): Promise<EvidenceFile> {
  const body = new FormData();
  body.append('entityType', entityType);
  body.append('entityId', String(entityId));
  if (description?.trim()) body.append('description', description.trim());
  body.append('file', file);
  const { json } = await httpClient(`${API_URL}/evidence`, { method: 'POST', body });
  return json as EvidenceFile;
}

/**
 * A workflow step with its files, as multipart/form-data (POST /api/<resource>/:id/actions/<action>/with-files):
 * the files are stored by the server only with the step itself, in its transaction; a refused step
 * stores none. Answers the updated record.
 */
export async function actionWithFiles<T>(resource: string, id: number, action: string, fields: Record<string, string | number | undefined>, files: File[], description?: string): Promise<T> {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined && value !== '') body.append(key, String(value));
  if (description?.trim()) body.append('description', description.trim());
  for (const file of files) body.append('file', file);
  const { json } = await httpClient(`${API_URL}/${resource}/${id}/actions/${action}/with-files`, { method: 'POST', body });
  return json as T;
}
