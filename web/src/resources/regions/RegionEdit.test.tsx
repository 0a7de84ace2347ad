import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../test/server';
import { API, listHandler, oneHandler, users } from '../../test/api';
import { renderResource } from '../../test/render-resource';
import { parseProvinces } from './RegionEdit';

const input = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const south = { id: 2, code: 'south', nameZh: '华南', nameEn: 'South China', provinces: ['广东', '广西'], sortOrder: 2, version: 3, updatedAt: '2026-01-01T00:00:00+08:00' };

describe('HQ edits a region', () => {
  it('reads provinces separated by 、, commas or spaces', () => {
    expect(parseProvinces('广东、 广西,海南，  福建')).toEqual(['广东', '广西', '海南', '福建']);
    expect(parseProvinces('')).toEqual([]);
  });

  it('sends the version, the names and the provinces (a province taken from another region moves its schools)', async () => {
    let body: Record<string, unknown> | undefined;
    server.use(
      http.put(`${API}/regions/2`, async ({ request }) => {
        body = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json({ ...south, ...body, version: 4 });
      }),
    );
    renderResource('#/regions/2', users.hq, oneHandler('regions', [south]), listHandler('regions', [south]), listHandler('schools', []));
    await waitFor(() => expect(input('provinces')).toHaveValue('广东、广西'));
    expect(screen.getByText(/该省的院校随之转入本大区/)).toBeInTheDocument();
    fireEvent.change(input('provinces'), { target: { value: '广东、广西、福建' } });
    fireEvent.change(input('nameEn'), { target: { value: ' South ' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(body).toBeDefined());
    expect(body).toEqual({ version: 3, nameZh: '华南', nameEn: 'South', provinces: ['广东', '广西', '福建'], sortOrder: 2 });
  });

  it('a stale version (409) says so', async () => {
    server.use(
      http.put(`${API}/regions/2`, () => HttpResponse.json({ error: 'stale_version', code: 'stale_version', message: 'stale' }, { status: 409 })),
    );
    renderResource('#/regions/2', users.hq, oneHandler('regions', [south]), listHandler('regions', [south]));
    await waitFor(() => expect(input('nameZh')).toHaveValue('华南'));
    fireEvent.change(input('nameZh'), { target: { value: '华南大区' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('此大区在您打开后已被他人修改。请重新加载页面，再次进行修改。')).toBeInTheDocument();
  });

  it('the regions list offers edit to HQ only', async () => {
    const view = renderResource('#/regions', users.hq, listHandler('schools', []));
    expect((await screen.findAllByRole('link', { name: /编辑/ })).length).toBeGreaterThan(0);
    view.unmount();
    renderResource('#/regions', users.school, listHandler('schools', []));
    expect(await screen.findByText('华东')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /编辑/ })).toBeNull();
  });
});
