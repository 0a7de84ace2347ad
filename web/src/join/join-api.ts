import { apiUrl } from '../providers/dataProvider';
import { httpClient } from '../providers/httpClient';

/** What the join page sends (POST /api/join-requests); `website` is the honeypot, always empty from a person. */
export interface JoinForm {
  schoolName: string;
  province: string;
  kind: 'university' | 'vocational' | '';
  contactName: string;
  email: string;
  phone: string;
  tier: string;
  website: string;
}

/** The join page's calls: none needs a session. Errors are httpClient's HttpError with the API's body. */
export const joinApi = {
  provinces: async (): Promise<string[]> => (await httpClient(apiUrl('/join-requests/provinces'))).json as string[],
  submit: async (form: JoinForm) => { await httpClient(apiUrl('/join-requests'), { method: 'POST', body: JSON.stringify(form) }); },
  confirm: async (token: string) => { await httpClient(apiUrl('/join-requests/confirm'), { method: 'POST', body: JSON.stringify({ token }) }); },
};
