import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { API, listHandler, schools, users } from '../../test/api';
import { renderResource } from '../../test/render-resource';

/** What GET /api/providers/:id answers HQ: the provider and the scorecard over all its schools. */
const forHq = {
  id: 1, name: '杭州数贸通跨境电商服务有限公司', contactName: '赵经理', contactEmail: 'zhao@shumaotong.test', createdAt: '2024-02-01T08:00:00+08:00',
  schoolIds: [1, 2], schools: 2, compliantSchools: 1, evaluatedSchools: 2, reportsSubmitted: 1, reportsConfirmed: 3, reportsRejected: 0,
  confirmedHours: 320, feedbackOpen: 1, feedbackTotal: 2, proposalsApproved: 1,
};
/** What it answers everyone else (provider-spec.ts enrich): who the provider is, nothing about its other schools. */
const forOthers = { id: 1, name: forHq.name, contactName: forHq.contactName, contactEmail: forHq.contactEmail };

const regional = { id: 2, email: 'east@demo.test', name: '钱华东', role: 'regional', regionIds: [1], schoolId: null, providerId: null, locale: 'zh' };

const provider = (record: Record<string, unknown>) => http.get(`${API}/providers/1`, () => HttpResponse.json(record));

describe('the provider page', () => {
  for (const [role, user] of [['regional', regional], ['school', users.school], ['provider', users.provider]] as const) {
    it(`shows a ${role} user who the provider is, without the scorecard (the record has no schoolIds)`, async () => {
      renderResource('#/providers/1/show', user as (typeof users)['school'], provider(forOthers), listHandler('schools', schools));
      expect(await screen.findByRole('heading', { level: 1, name: forHq.name })).toBeInTheDocument();
      expect(screen.getByText('赵经理 · zhao@shumaotong.test')).toBeInTheDocument();
      expect(screen.queryByText('服务商评分卡')).not.toBeInTheDocument();
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    });
  }

  it("shows HQ the scorecard and the provider's schools", async () => {
    renderResource('#/providers/1/show', users.hq, provider(forHq), listHandler('schools', schools), http.get(`${API}/schools/:id`, ({ params }) =>
      HttpResponse.json(schools.find((s) => String(s.id) === params.id))));
    expect(await screen.findByRole('heading', { level: 1, name: forHq.name })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '杭州职业技术学院' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '广东外语外贸大学' })).toBeInTheDocument();
    expect(screen.getByText('1 / 2')).toBeInTheDocument();
  });

  it('lets HQ assign a school found by name and remove one, each through its own request', async () => {
    const calls: string[] = [];
    let schoolIds = [1, 2];
    renderResource('#/providers/1/show', users.hq,
      http.get(`${API}/providers/1`, () => HttpResponse.json({ ...forHq, active: true, version: 4, schoolIds })),
      listHandler('schools', schools),
      http.put(`${API}/providers/1/schools/:schoolId`, ({ params }) => {
        calls.push(`PUT ${params.schoolId}`);
        schoolIds = [...schoolIds, Number(params.schoolId)];
        return HttpResponse.json({ ...forHq, active: true, version: 5, schoolIds });
      }),
      http.delete(`${API}/providers/1/schools/:schoolId`, ({ params }) => {
        calls.push(`DELETE ${params.schoolId}`);
        schoolIds = schoolIds.filter((id) => id !== Number(params.schoolId));
        return HttpResponse.json({ ...forHq, active: true, version: 6, schoolIds });
      }));
    expect(await screen.findByRole('link', { name: '广东外语外贸大学' })).toBeInTheDocument();
    const box = screen.getByRole('combobox', { name: '选择院校' });
    fireEvent.focus(box);
    fireEvent.mouseDown(box);
    fireEvent.change(box, { target: { value: '宁波' } });
    fireEvent.click(await within(await screen.findByRole('listbox')).findByRole('option', { name: '宁波城市职业技术学院' }));
    fireEvent.click(screen.getByRole('button', { name: '分配' }));
    expect(await screen.findByRole('link', { name: '宁波城市职业技术学院' })).toBeInTheDocument();

    const row = screen.getByRole('link', { name: '广东外语外贸大学' }).closest('li')!;
    fireEvent.click(within(row).getByRole('button', { name: '移除' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确认' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(screen.queryByText('广东外语外贸大学')).toBeNull());
    expect(calls).toEqual(['PUT 3', 'DELETE 2']);
  });
});
