import { HttpError } from 'react-admin';

/** The error body of every 4xx/5xx answer of the API (API.md "Errors"). */
export interface ApiErrorBody {
  error: string;
  message: string;
  details?: unknown;
}

/** What react-admin's forms read from an HttpError body: per-field messages plus a form-level one. */
export interface FormErrors {
  [field: string]: string | { serverError: string };
  root: { serverError: string };
}

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
 * Field errors of the server (`details: [{ field, message }]`) in react-admin's shape, so that an
 * edit form shows each message under its input. Zod's fields come as "body.<name>".
 */
export function formErrorsOf(body: ApiErrorBody): FormErrors | undefined {
  if (!Array.isArray(body.details)) return undefined;
  const errors: FormErrors = { root: { serverError: body.message } };
  let any = false;
  for (const d of body.details as { field?: unknown; message?: unknown }[]) {
    if (typeof d?.field !== 'string' || typeof d.message !== 'string') continue;
    const field = d.field.replace(/^body\./, '');
    if (!field || field === 'body' || field === 'root') continue;
    errors[field] = d.message;
    any = true;
  }
  return any ? errors : undefined;
}

/**
 * fetch for the API: sends the session cookie, speaks JSON, and turns an error answer into a
 * react-admin HttpError whose message is the server's own `message` (what to fix, in words), with
 * the body kept (`error` code, `details`) and field errors mapped for forms.
 */
export async function httpClient(url: string, options: HttpClientOptions = {}): Promise<HttpResponse> {
  const headers = new Headers(options.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
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
      const errors = formErrorsOf(json);
      throw new HttpError(json.message, response.status, errors ? { ...json, errors } : json);
    }
    throw new HttpError(response.statusText || `HTTP ${response.status}`, response.status, json ?? body);
  }
  return { status: response.status, headers: response.headers, body, json };
}

/** The API's error code (`conflict`, `stale_version`, …) of an error thrown by httpClient, if any. */
export function errorCodeOf(error: unknown): string | undefined {
  const body = (error as HttpError | undefined)?.body as Partial<ApiErrorBody> | undefined;
  return typeof body?.error === 'string' ? body.error : undefined;
}
