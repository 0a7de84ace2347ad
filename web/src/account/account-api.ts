import { apiUrl } from '../providers/dataProvider';
import { httpClient } from '../providers/httpClient';

export type LinkPurpose = 'invitation' | 'reset';

/** The account calls of the password pages. Errors are httpClient's HttpError with the API's body. */
export const accountApi = {
  /** The same answer whatever the address (the server never says whether it has an account). */
  forgot: async (email: string) => { await httpClient(apiUrl('/auth/forgot-password'), { method: 'POST', body: JSON.stringify({ email }) }); },
  reset: async (token: string, password: string, purpose: LinkPurpose) =>
    (await httpClient(apiUrl('/auth/reset-password'), { method: 'POST', body: JSON.stringify({ token, password, purpose }) })).json as { ok: true; email: string },
  change: async (currentPassword: string, newPassword: string) => {
    await httpClient(apiUrl('/auth/change-password'), { method: 'POST', body: JSON.stringify({ currentPassword, newPassword }) });
  },
};
