import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import { httpClient } from './httpClient';

export const API_URL = '/api';

/** The absolute URL of an API path ("/compliance/summary"), on the page's own origin. */
export const apiUrl = (path: string) => new URL(`${API_URL}${path}`, window.location.href).toString();

/**
 * ra-data-simple-rest against our API. Workflow actions (`POST /<resource>/:id/actions/<action>`)
 * will be added here as `dataProvider.action()` when the first workflow resource lands.
 */
export function createDataProvider(apiUrl: string = API_URL): DataProvider {
  return simpleRestProvider(apiUrl, httpClient);
}

export const dataProvider = createDataProvider();
