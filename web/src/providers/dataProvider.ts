import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import { httpClient, type HttpClientOptions } from './httpClient';

export const API_URL = '/api';

/** The absolute URL of an API path ("/compliance/summary"), on the page's own origin. */
export const apiUrl = (path: string) => new URL(`${API_URL}${path}`, window.location.href).toString();

/**
 * ra-data-simple-rest against our API. Workflow actions (`POST /<resource>/:id/actions/<action>`)
 * will be added here as `dataProvider.action()` when the first workflow resource lands.
 */
export function createDataProvider(apiUrl: string = API_URL): DataProvider {
  // A list whose total is the server's estimate (X-Total-Estimated: more than 10,000 records, issue 15)
  // says so in getList's meta ({ totalEstimated: true }), which the list pagination shows as "about N".
  const estimated = new WeakSet<object>();
  const client = async (url: string, options?: HttpClientOptions) => {
    const response = await httpClient(url, options);
    if (response.headers.get('X-Total-Estimated') === 'true' && typeof response.json === 'object' && response.json !== null) estimated.add(response.json);
    return response;
  };
  const base = simpleRestProvider(apiUrl, client);
  return {
    ...base,
    getList: async (resource, params) => {
      const result = await base.getList(resource, params);
      return estimated.has(result.data) ? { ...result, meta: { ...result.meta, totalEstimated: true } } : result;
    },
  };
}

export const dataProvider = createDataProvider();
