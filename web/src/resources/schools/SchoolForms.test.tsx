import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../test/server';
import { API, listHandler, oneHandler, schools, users } from '../../test/api';
import { renderResource } from '../../test/render-resource';

const input = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
/** The input once the form has rendered it. */
const field = (name: string) => waitFor(() => { const el = input(name); expect(el).toBeTruthy(); return el; });

/** A school as HQ reads it (schools/school-record.ts). */
const school = {
  ...schools[0], contactEmail: 'zhang@hzvtc.test', contactPhone: '0571-88886666', active: true, version: 4,
  updatedAt: '2024-03-01T08:00:00+08:00',
};

/** Picks an option of a react-admin SelectInput by its label. */
async function choose(label: RegExp, option: string | RegExp) {
  fireEvent.mouseDown(await screen.findByRole('combobox', { name: label }));
  fireEvent.click(await within(await screen.findByRole('listbox')).findByRole('option', { name: option }));
}

describe('HQ keeps the school directory', () => {
  it('offers "新建" on the schools list to HQ only', async () => {
    const view = renderResource('#/schools', users.hq, listHandler('schools', [school]));
    expect(await screen.findByRole('link', { name: /新建/ })).toBeInTheDocument();
    view.unmount();
    renderResource('#/schools', users.school, listHandler('schools', [school]));
    expect(await screen.findByText(school.name)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /新建/ })).toBeNull();
  });

  it('creates a school: trimmed fields, the province from the regions\' list, the region left to the province', async () => {
    let body: Record<string, unknown> | undefined;
    server.use(http.post(`${API}/schools`, async ({ request }) => {
      body = (await request.json()) as Record<string, unknown>;
      return HttpResponse.json({ ...school, ...body, id: 9, regionId: 1, version: 1 }, { status: 201 });
    }));
    renderResource('#/schools/create', users.hq, oneHandler('schools', [{ ...school, id: 9 }]), listHandler('providers', []));
    fireEvent.change(await field('name'), { target: { value: '  湖州职业技术学院 ' } });
    await choose(/省份/, /浙江/);
    fireEvent.change(input('city'), { target: { value: '湖州' } });
    fireEvent.change(input('contactEmail'), { target: { value: 'li@hz.test' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(body).toBeDefined());
    expect(body).toEqual({
      name: '湖州职业技术学院', nameEn: null, province: '浙江', regionId: null, city: '湖州', kind: 'vocational',
      contactName: null, contactEmail: 'li@hz.test', contactPhone: null,
    });
  });

  it('shows the server\'s "name taken" on the form', async () => {
    server.use(http.post(`${API}/schools`, () => HttpResponse.json({
      error: 'validation_failed', code: 'school_name_taken', params: { name: '杭州职业技术学院', id: 1 }, message: 'name: 已有同名学校：杭州职业技术学院（编号 1）',
      details: [{ field: 'name', code: 'school_name_taken', params: { name: '杭州职业技术学院', id: 1 }, message: '已有同名学校：杭州职业技术学院（编号 1）' }],
    }, { status: 400 })));
    renderResource('#/schools/create', users.hq);
    fireEvent.change(await field('name'), { target: { value: '杭州职业技术学院' } });
    await choose(/省份/, /浙江/);
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findAllByText(/已有同名学校：杭州职业技术学院（编号 1）/)).length).toBeGreaterThan(0);
  });

  it('an edit sends the version and the fields; a stale version (409) says so and keeps what was typed', async () => {
    let body: Record<string, unknown> | undefined;
    server.use(http.put(`${API}/schools/1`, async ({ request }) => {
      body = (await request.json()) as Record<string, unknown>;
      return HttpResponse.json({ error: 'stale_version', code: 'stale_version', message: 'stale' }, { status: 409 });
    }));
    renderResource('#/schools/1', users.hq, oneHandler('schools', [school]));
    await waitFor(() => expect(input('name')).toHaveValue(school.name));
    fireEvent.change(input('contactPhone'), { target: { value: '0571-12345678' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(body).toBeDefined());
    expect(body).toMatchObject({ version: 4, name: school.name, province: '浙江', regionId: 1, contactPhone: '0571-12345678', contactEmail: 'zhang@hzvtc.test' });
    expect(await screen.findByText('此院校在您打开后已被他人修改。请重新加载页面，再次进行修改。')).toBeInTheDocument();
    expect(input('contactPhone')).toHaveValue('0571-12345678');
  });

  it('the school page shows the contact, and HQ deactivates the school with the version read', async () => {
    let posted: { url: string; body: unknown } | undefined;
    server.use(http.post(`${API}/schools/1/actions/deactivate`, async ({ request }) => {
      posted = { url: request.url, body: await request.json() };
      return HttpResponse.json({ ...school, active: false, version: 5 });
    }));
    renderResource('#/schools/1/show', users.hq, oneHandler('schools', [school]), listHandler('providers', []));
    expect(await screen.findByText('zhang@hzvtc.test')).toBeInTheDocument();
    expect(screen.getByText('0571-88886666')).toBeInTheDocument();
    expect(await screen.findByText(/服务商（0）/)).toBeInTheDocument();
    fireEvent.click(await screen.findByRole('button', { name: '停用' }));
    fireEvent.click(await screen.findByRole('button', { name: /确认|Confirm/ }));
    await waitFor(() => expect(posted).toBeDefined());
    expect(posted!.body).toEqual({ version: 4 });
  });

  it('HQ imports the directory from the list: the kit\'s import screen for schools, with the template', async () => {
    const template = '学校名称 (name),英文名称 (nameEn),省份 (province),城市 (city),类型 (kind),联系人 (contactName),联系邮箱 (contactEmail),联系电话 (contactPhone),大区 (region)\n';
    renderResource('#/schools', users.hq, listHandler('schools', [school]),
      http.get(`*/api/schools/import/template`, () => new HttpResponse(template, { headers: { 'content-type': 'text/csv; charset=utf-8' } })));
    fireEvent.click(await screen.findByRole('link', { name: /导入/ }));
    expect(await screen.findByText('1. 按模板准备文件')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/schools/import');
  });

  it('a school user sees its page without edit or deactivate', async () => {
    renderResource('#/schools/1/show', users.school, oneHandler('schools', [school]), listHandler('providers', []));
    expect(await screen.findByText('zhang@hzvtc.test')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '停用' })).toBeNull();
    expect(screen.queryByRole('link', { name: /编辑/ })).toBeNull();
  });
});
