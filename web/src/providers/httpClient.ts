import { HttpError } from 'react-admin';
import { formErrorsOf, type ApiErrorBody } from '../components/problem/parse-problem';
import { translateProblem } from '../components/problem/translate-problem';
import { i18nProvider } from '../i18n';

export interface HttpClientOptions extends RequestInit {
  headers?: HeadersInit;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- react-admin's own contract
}

const isApiError = (json: unknown): json is ApiErrorBody =>
  typeof json === 'object' && json !== null && typeof (json as ApiErrorBody).message === 'string';

/**
 * fetch for the API: sends the session cookie, speaks JSON, and turns an error answer into a
 * react-admin HttpError whose message is the server's own `message` (what to fix, in words), with
 * the body kept (`error` code, `details`) and field errors mapped for forms.
 */
export async function httpClient(url: string, options: HttpClientOptions = {}): Promise<HttpResponse> {
  const headers = new Headers(options.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  // The server words its messages in this language until sign-in (then in the account's locale).
  if (!headers.has('Accept-Language')) headers.set('Accept-Language', i18nProvider.getLocale() === 'en' ? 'en' : 'zh-CN');
  if (typeof options.body === 'string' && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');

  let response: Response;
  try {
    response = await fetch(url, { ...options, headers, credentials: 'same-origin' });
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new HttpError('ra.notification.offline', 0, { error: 'network', message: 'The server could not be reached.' });
  }
  const body = await response.text();
  let json: unknown;
  try {
    json = body ? JSON.parse(body) : undefined;
  } catch {
    json = undefined;
  }
  if (response.status < 200 || response.status >= 300) {
    if (isApiError(json)) {
      // The problem and each field's in the UI's language by their codes (never the server's words,
      // which are in the account's language, or English for a program): whatever shows the error's
      // message or a field's says it in the language on screen.
      const translate = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);
      const errors = formErrorsOf(json, translate);
      const message = translateProblem({ code: json.code, params: json.params, message: json.message }, translate) || json.message;
      throw new HttpError(message, response.status, errors ? { ...json, errors } : json);
    }
    throw new HttpError(response.statusText || `HTTP ${response.status}`, response.status, json ?? body);
  }
  return { status: response.status, headers: response.headers, body, json };
}
