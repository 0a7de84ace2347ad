import { afterEach, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { server } from '../test/server';
import { i18nProvider } from '../i18n';
import { httpClient } from './httpClient';

const API = 'http://localhost/api';

describe('httpClient', () => {
  afterEach(() => i18nProvider.changeLocale('zh'));

  it('asks the server for its words in the UI language (Accept-Language), so a problem the UI has no text for reads in that language', async () => {
    const seen: (string | null)[] = [];
    server.use(http.get(`${API}/auth/me`, ({ request }) => {
      seen.push(request.headers.get('accept-language'));
      return HttpResponse.json({});
    }));
    await httpClient(`${API}/auth/me`);
    await i18nProvider.changeLocale('en');
    await httpClient(`${API}/auth/me`);
    expect(seen).toEqual(['zh-CN', 'en']);
  });
});
