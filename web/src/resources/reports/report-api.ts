import { useQuery } from '@tanstack/react-query';
import type { HttpError } from 'react-admin';
import type { ProgrammeReport } from '@campus/common';
import { apiGet } from '../compliance/api';
import { apiUrl } from '../../providers/dataProvider';

/** GET /api/reports/programme?year=…: the year's report in the user's scope, as the server counts it. */
export function useProgrammeReport(year: number) {
  return useQuery<ProgrammeReport, HttpError>({
    queryKey: ['reports', 'programme', year],
    queryFn: ({ signal }) => apiGet<ProgrammeReport>(`/reports/programme?year=${year}`, signal),
  });
}

/** A refused download: the API's error body (its code is worded by the UI), or the status alone. */
export class DownloadError extends Error {
  constructor(readonly status: number, readonly body: { code?: string; params?: Record<string, unknown>; message?: string } | undefined) {
    super(body?.message ?? `HTTP ${status}`);
  }
}

/** The file name the server gave (Content-Disposition's UTF-8 name, else its ASCII one). */
function fileNameOf(disposition: string | null, fallback: string): string {
  const utf8 = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (utf8) return decodeURIComponent(utf8);
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

/** Downloads the year's report as .xlsx or PDF, its words in the UI's language, and hands it to the browser to save. */
export async function downloadReport(year: number, format: 'xlsx' | 'pdf', lang: string) {
  const response = await fetch(apiUrl(`/reports/programme?year=${year}&format=${format}&lang=${lang === 'en' ? 'en' : 'zh'}`), { credentials: 'same-origin' });
  if (!response.ok) {
    const body = await response.json().catch(() => undefined);
    throw new DownloadError(response.status, body);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('Content-Disposition'), `programme-report-${year}.${format}`);
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
