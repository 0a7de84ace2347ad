import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../test/server';
import { API, listHandler, oneHandler, schools, users } from '../../test/api';
import { renderResource } from '../../test/render-resource';

const input = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
/** The form's input once the page has rendered it. */
const field = (name: string) => waitFor(() => {
  const el = input(name);
  if (!el) throw new Error(`no input ${name} yet`);
  return el;
});

/** What HQ reads of a provider (providers/provider-spec.ts): its contact, active, version and schools. */
const provider = {
  id: 5, name: '杭州数贸通', contactName: '赵经理', contactEmail: 'zhao@smt.test', contactPhone: null, active: true, version: 3,
  createdAt: '2026-01-05T10:00:00+08:00', updatedAt: '2026-01-05T10:00:00+08:00', schoolIds: [1], schools: 1, compliantSchools: 0,
  evaluatedSchools: 0, reportsSubmitted: 0, reportsConfirmed: 0, reportsRejected: 0, confirmedHours: 0, feedbackOpen: 0, feedbackTotal: 0, proposalsApproved: 0,
};

/** Types into the schools input and picks a school among what the server's search answered. */
async function pickSchool(text: string, name: string, searched: string[]) {
  const box = await screen.findByRole('combobox', { name: /服务院校/ });
  fireEvent.focus(box);
  fireEvent.mouseDown(box);
  fireEvent.change(box, { target: { value: text } });
  await waitFor(() => expect(searched).toContain(text));
  fireEvent.click(await screen.findByRole('option', { name }));
}

describe('HQ creates and edits a provider', () => {
  it('offers "新建" on the providers list to HQ only', async () => {
    const view = renderResource('#/providers', users.hq, listHandler('providers', [provider]));
    expect(await screen.findByRole('link', { name: /新建/ })).toBeInTheDocument();
    view.unmount();
    renderResource('#/providers', users.school, listHandler('providers', [{ id: 5, name: provider.name, contactName: null, contactEmail: null }]));
    expect(await screen.findByText(provider.name)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /新建/ })).toBeNull();
  });

  it('sends the name, the contact and the schools picked through the server-side search', async () => {
    const searched: string[] = [];
    let body: Record<string, unknown> | undefined;
    server.use(http.post(`${API}/providers`, async ({ request }) => {
      body = (await request.json()) as Record<string, unknown>;
      return HttpResponse.json({ ...provider, ...body, id: 9, version: 1 }, { status: 201 });
    }));
    renderResource('#/providers/create', users.hq,
      listHandler('schools', schools, (url) => {
        const q = (JSON.parse(url.searchParams.get('filter') ?? '{}') as { q?: string }).q;
        if (q) searched.push(q);
      }),
      oneHandler('schools', schools), oneHandler('providers', [{ ...provider, id: 9 }]));
    fireEvent.change(await field('name'), { target: { value: '  宁波外贸实训 ' } });
    fireEvent.change(input('contactName'), { target: { value: '孙经理' } });
    fireEvent.change(input('contactPhone'), { target: { value: '0574-8888' } });
    await pickSchool('宁波', schools[2].name, searched);
    await pickSchool('广东', schools[1].name, searched);
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(body).toBeDefined());
    expect(body).toEqual({ name: '宁波外贸实训', contactName: '孙经理', contactEmail: null, contactPhone: '0574-8888', schoolIds: [3, 2] });
  });

  it('shows the server\'s "name taken" on the form', async () => {
    server.use(http.post(`${API}/providers`, () => HttpResponse.json({
      error: 'validation_failed', code: 'provider_name_taken', params: { name: '杭州数贸通', id: 5 }, message: 'name: 已有同名服务商：杭州数贸通（编号 5）',
      details: [{ field: 'name', code: 'provider_name_taken', params: { name: '杭州数贸通', id: 5 }, message: '已有同名服务商：杭州数贸通（编号 5）' }],
    }, { status: 400 })));
    renderResource('#/providers/create', users.hq, listHandler('schools', schools));
    fireEvent.change(await field('name'), { target: { value: '杭州数贸通' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findAllByText(/已有同名服务商：杭州数贸通（编号 5）/)).length).toBeGreaterThan(0);
  });

  it('an edit sends the version, the fields and the whole set of schools', async () => {
    const searched: string[] = [];
    let body: Record<string, unknown> | undefined;
    server.use(http.put(`${API}/providers/5`, async ({ request }) => {
      body = (await request.json()) as Record<string, unknown>;
      return HttpResponse.json({ ...provider, ...body, version: 4 });
    }));
    renderResource('#/providers/5', users.hq, oneHandler('providers', [provider]), oneHandler('schools', schools),
      listHandler('schools', schools, (url) => {
        const q = (JSON.parse(url.searchParams.get('filter') ?? '{}') as { q?: string }).q;
        if (q) searched.push(q);
      }));
    await waitFor(() => expect(input('name')).toHaveValue('杭州数贸通'));
    expect(await screen.findByText(schools[0].name)).toBeInTheDocument();
    await pickSchool('宁波', schools[2].name, searched);
    fireEvent.click(screen.getByRole('switch', { name: /启用/ }));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(body).toBeDefined());
    expect(body).toEqual({ version: 3, name: '杭州数贸通', contactName: '赵经理', contactEmail: 'zhao@smt.test', contactPhone: null, active: false, schoolIds: [1, 3] });
  });

  it('says so when someone else saved first (409) and keeps what was typed', async () => {
    server.use(http.put(`${API}/providers/5`, () => HttpResponse.json({ error: 'stale_version', code: 'stale_version', message: 'stale' }, { status: 409 })));
    renderResource('#/providers/5', users.hq, oneHandler('providers', [provider]), oneHandler('schools', schools), listHandler('schools', schools));
    await waitFor(() => expect(input('name')).toHaveValue('杭州数贸通'));
    fireEvent.change(input('contactName'), { target: { value: '钱经理' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('此服务商在您打开后已被他人修改。请重新加载页面，再次进行修改。')).toBeInTheDocument();
    expect(input('contactName')).toHaveValue('钱经理');
  });
});
