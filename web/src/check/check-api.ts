import { apiUrl } from '../providers/dataProvider';
import { httpClient } from '../providers/httpClient';

/** What GET /api/public/certificate-check answers (server/src/modules/certificate-check). */
export type CheckAnswer = { valid: true; kind: string; level?: string; issuedOn: string } | { valid: false };

/** The public certificate check: no session. Errors (400, 429) are httpClient's HttpError with the API's body. */
export async function checkCertificate(number: string, name: string): Promise<CheckAnswer> {
  const query = new URLSearchParams({ number, name }).toString();
  return (await httpClient(apiUrl(`/public/certificate-check?${query}`))).json as CheckAnswer;
}
