import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../test/server';
import { API, listHandler, oneHandler, schools, users } from '../../test/api';
import { renderResource } from '../../test/render-resource';

const choose = async (label: RegExp, option: string) => {
  fireEvent.mouseDown(await screen.findByRole('combobox', { name: label }));
  fireEvent.click(await within(await screen.findByRole('listbox')).findByRole('option', { name: option }));
};

describe('an existing partnership, recorded by HQ', () => {
  it('offers "录入已有合作" on the agreements list to HQ only', async () => {
    const rows = [{ id: 5, schoolId: 1, schoolName: schools[0].name, tier: 'industry_college', status: 'active', version: 2, startDate: '2024-03-01', termYears: 3, currentYear: 3, endDate: '2027-03-01', rectification: null, allowedActions: [] }];
    const view = renderResource('#/agreements', users.hq, listHandler('agreements', rows), listHandler('schools', schools));
    expect(await screen.findByRole('link', { name: /录入已有合作/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /导入/ })).toHaveAttribute('href', expect.stringContaining('/agreements/import'));
    view.unmount();
    renderResource('#/agreements', users.school, listHandler('agreements', rows), listHandler('schools', schools));
    // endDate is the term's exclusive end: the list shows its inclusive last day, as the compliance years do.
    expect(await screen.findByText('2027-02-28')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /录入已有合作/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /导入/ })).toBeNull();
  });

  it('mounts the import screen with how the evaluated years are written', async () => {
    renderResource('#/agreements/import', users.hq, listHandler('agreements', []));
    expect(await screen.findByText(/1:continue;2:rectify/)).toBeInTheDocument();
  });

  it('sends the school, tier, start, term, the rectification and the evaluated years', async () => {
    let body: Record<string, unknown> | undefined;
    const created = { id: 77, schoolId: 3, schoolName: schools[2].name, tier: 'pilot_1x', status: 'rectifying', version: 1, startDate: '2024-03-01', termYears: 3, allowedActions: [] };
    server.use(http.post(`${API}/agreements`, async ({ request }) => {
      body = (await request.json()) as Record<string, unknown>;
      return HttpResponse.json(created, { status: 201 });
    }));
    renderResource('#/agreements/create', users.hq, listHandler('schools', schools), oneHandler('schools', schools), oneHandler('agreements', [created]), listHandler('evaluations', []), listHandler('compliance', []));
    const school = await screen.findByRole('combobox', { name: /院校/ });
    fireEvent.change(school, { target: { value: '宁波' } });
    fireEvent.click(await screen.findByRole('option', { name: schools[2].name }));
    await choose(/合作层次/, '1+X试点院校');
    fireEvent.change(document.querySelector('input[name="startDate"]')!, { target: { value: '2024-03-01' } });
    fireEvent.change(document.querySelector('input[name="termYears"]')!, { target: { value: '3' } });
    await choose(/状态/, '整改中');
    fireEvent.change(await waitFor(() => document.querySelector('textarea[name="rectificationNotice"]')!), { target: { value: '招聘会未举办' } });
    fireEvent.change(document.querySelector('input[name="rectificationDeadline"]')!, { target: { value: '2099-06-30' } });
    fireEvent.click(screen.getByRole('button', { name: /添加/ }));
    fireEvent.change(await waitFor(() => document.querySelector('input[name="evaluatedYears.0.year"]')!), { target: { value: '1' } });
    await choose(/评审结论/, '限期整改');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(body).toBeDefined());
    expect(body).toEqual({
      schoolId: 3, tier: 'pilot_1x', startDate: '2024-03-01', termYears: 3, status: 'rectifying',
      rectificationNotice: '招聘会未举办', rectificationDeadline: '2099-06-30', evaluatedYears: [{ year: 1, decision: 'rectify' }],
    });
  });

  it('refuses a start date in the future before asking the server', async () => {
    let called = false;
    server.use(http.post(`${API}/agreements`, () => { called = true; return HttpResponse.json({}, { status: 201 }); }));
    renderResource('#/agreements/create', users.hq, listHandler('schools', schools), oneHandler('schools', schools));
    await screen.findByRole('combobox', { name: /院校/ });
    fireEvent.change(document.querySelector('input[name="startDate"]')!, { target: { value: '2099-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('开始日期不能是将来的日期')).toBeInTheDocument();
    expect(called).toBe(false);
  });
});
