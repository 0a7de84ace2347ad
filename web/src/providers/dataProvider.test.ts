import { describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { HttpError } from 'react-admin';
import { server } from '../test/server';
import { createDataProvider } from './dataProvider';
import { kindOf as errorCodeOf } from '../components/problem/parse-problem';

const API = 'http://localhost/api';

describe('dataProvider', () => {
  it('sends sort, range and filter as JSON and reads the total from Content-Range', async () => {
    let url: URL | undefined;
    let credentials: RequestCredentials | undefined;
    server.use(
      http.get(`${API}/schools`, ({ request }) => {
        url = new URL(request.url);
        credentials = request.credentials;
        return HttpResponse.json([{ id: 3, name: '杭州职业技术学院' }], { headers: { 'Content-Range': 'schools 25-25/319' } });
      }),
    );
    const result = await createDataProvider(API).getList('schools', {
      pagination: { page: 2, perPage: 25 },
      sort: { field: 'name', order: 'ASC' },
      filter: { q: '杭州', regionId: 2, tier: ['talent_base', 'none'] },
    });
    expect(JSON.parse(url!.searchParams.get('sort')!)).toEqual(['name', 'ASC']);
    expect(JSON.parse(url!.searchParams.get('range')!)).toEqual([25, 49]);
    expect(JSON.parse(url!.searchParams.get('filter')!)).toEqual({ q: '杭州', regionId: 2, tier: ['talent_base', 'none'] });
    expect(credentials).toBe('same-origin');
    expect(result.total).toBe(319);
    expect(result.data).toEqual([{ id: 3, name: '杭州职业技术学院' }]);
  });

  it('marks an estimated total (X-Total-Estimated) in the list\'s meta', async () => {
    server.use(http.get(`${API}/students`, () => HttpResponse.json([{ id: 1 }], { headers: { 'Content-Range': 'students 0-0/3498112', 'X-Total-Estimated': 'true' } })));
    const estimated = await createDataProvider(API).getList('students', { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    expect([estimated.total, estimated.meta]).toEqual([3498112, { totalEstimated: true }]);
    server.use(http.get(`${API}/students`, () => HttpResponse.json([{ id: 1 }], { headers: { 'Content-Range': 'students 0-0/1' } })));
    const exact = await createDataProvider(API).getList('students', { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    expect(exact.meta).toBeUndefined();
  });

  it('gets one record by id', async () => {
    server.use(http.get(`${API}/regions/2`, () => HttpResponse.json({ id: 2, code: 'east', nameZh: '华东', nameEn: 'East China' })));
    const { data } = await createDataProvider(API).getOne('regions', { id: 2 });
    expect(data.nameZh).toBe('华东');
  });

  it('puts an update as JSON', async () => {
    let body: unknown;
    let contentType: string | null = null;
    server.use(
      http.put(`${API}/tier-policies/5`, async ({ request }) => {
        contentType = request.headers.get('content-type');
        body = await request.json();
        return HttpResponse.json({ id: 5, version: 4, jobFairs: 2 });
      }),
    );
    const { data } = await createDataProvider(API).update('tier-policies', { id: 5, data: { version: 3, jobFairs: 2 }, previousData: { id: 5 } });
    expect(contentType).toBe('application/json');
    expect(body).toEqual({ version: 3, jobFairs: 2 });
    expect(data.version).toBe(4);
  });

  it("turns an error answer into an HttpError carrying the server's message and code", async () => {
    server.use(
      http.put(`${API}/tier-policies/5`, () =>
        HttpResponse.json(
          { error: 'stale_version', message: 'This policy was changed by someone else since you opened it; reload it and apply your change again.' },
          { status: 409 },
        )),
    );
    const error = await createDataProvider(API)
      .update('tier-policies', { id: 5, data: { version: 1 }, previousData: { id: 5 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 409, message: expect.stringContaining('changed by someone else') });
    expect(errorCodeOf(error)).toBe('stale_version');
  });

  it('maps field details of a 400 to form errors', async () => {
    server.use(
      http.put(`${API}/tier-policies/5`, () =>
        HttpResponse.json(
          { error: 'validation_failed', message: 'body.jobPlatformRate: Too big: expected number to be <=1', details: [{ field: 'body.jobPlatformRate', message: 'Too big: expected number to be <=1' }] },
          { status: 400 },
        )),
    );
    const error = (await createDataProvider(API)
      .update('tier-policies', { id: 5, data: { version: 1, jobPlatformRate: 95 }, previousData: { id: 5 } })
      .catch((e: unknown) => e)) as HttpError;
    expect(error.message).toBe('body.jobPlatformRate: Too big: expected number to be <=1');
    expect(error.body.errors).toEqual({
      jobPlatformRate: 'Too big: expected number to be <=1',
      root: { serverError: 'body.jobPlatformRate: Too big: expected number to be <=1' },
    });
  });

  it('keeps the status text when the body is not the API error shape', async () => {
    server.use(http.get(`${API}/schools/1`, () => new HttpResponse('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })));
    const error = await createDataProvider(API).getOne('schools', { id: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, message: 'Bad Gateway' });
  });

  it('reports 404 with the message that the record is outside what the user may see', async () => {
    server.use(http.get(`${API}/schools/99`, () => HttpResponse.json({ error: 'not_found', message: 'No such school, or it is outside what you may see.' }, { status: 404 })));
    await expect(createDataProvider(API).getOne('schools', { id: 99 })).rejects.toMatchObject({
      status: 404,
      message: 'No such school, or it is outside what you may see.',
    });
  });
});
