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

  it("words a form's field problems by their codes in the UI's language, not by the server's message", async () => {
    server.use(http.put(`${API}/regions/1`, () => HttpResponse.json({
      error: 'invalid_input', code: 'invalid_input', params: {}, message: 'The input is invalid.',
      details: [{ field: 'nameZh', code: 'region_name_taken', params: { name: '华东' }, message: 'another region is already called "华东"' }],
    }, { status: 400 })));
    const error = await httpClient(`${API}/regions/1`, { method: 'PUT', body: '{}' }).catch((e: unknown) => e) as { body: { errors: Record<string, string> } };
    expect(error.body.errors.nameZh).toMatch(/华东/);
    expect(error.body.errors.nameZh).not.toContain('another region');
  });
});
