import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { API, listHandler, users } from '../../test/api';
import { bodyOf, renderResource } from '../../test/render-resource';

const student = (id: number) => ({ id, schoolId: 1, studentNo: `2022${id}`, name: `学生${id}`, cohortYear: 2022, enrolledOn: '2022-09-01', leftOn: null, leftReason: null, major: null });

/** Row selection and bulk actions (issue 17 item 2): a confirmation naming the count, one request, the result's count. */
describe('bulk actions on lists', () => {
  it('a school marks the selected students graduated on a day, after confirming, and reads how many', async () => {
    const user = userEvent.setup({ delay: null });
    const sent: Record<string, unknown>[] = [];
    renderResource('#/students', users.school,
      listHandler('students', [student(1), student(2), student(3)]),
      http.post(`${API}/students/bulk/leave`, async ({ request }) => {
        const body = await bodyOf(request);
        sent.push(body);
        return HttpResponse.json({ updated: (body.ids as number[]).length });
      }),
    );
    await screen.findByText('学生1');
    const boxes = screen.getAllByRole('checkbox');
    // The header's "select all", then a box per row.
    await user.click(boxes[1]);
    await user.click(boxes[3]);
    await user.click(await screen.findByRole('button', { name: '标记离校' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('将选中的 2 名学生标记为离校')).toBeInTheDocument();
    expect(within(dialog).getByText(/共 2 条记录，全部成功或全部不变/)).toBeInTheDocument();
    const date = within(dialog).getByLabelText(/离校日期/);
    await user.clear(date);
    await user.type(date, '2025-06-30');
    expect(sent).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: /确认|Confirm/ }));
    await waitFor(() => expect(sent).toEqual([{ ids: [1, 3], leftOn: '2025-06-30', leftReason: 'graduated' }]));
    expect(await screen.findByText('已将 2 名学生标记为“毕业”')).toBeInTheDocument();
  });

  it('cancelling sends nothing; staff reading many schools get no bulk action', async () => {
    const user = userEvent.setup({ delay: null });
    let posts = 0;
    renderResource('#/students', users.school,
      listHandler('students', [student(1)]),
      http.post(`${API}/students/bulk/leave`, () => { posts++; return HttpResponse.json({ updated: 1 }); }),
    );
    await screen.findByText('学生1');
    await user.click(screen.getAllByRole('checkbox')[1]);
    await user.click(await screen.findByRole('button', { name: '标记离校' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: /取消|Cancel/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(posts).toBe(0);
  });

  it('HQ closes the selected feedback with the versions shown', async () => {
    const user = userEvent.setup({ delay: null });
    const sent: Record<string, unknown>[] = [];
    const fb = (id: number, version: number) => ({ id, version, schoolId: 1, schoolName: '学校', providerId: 1, providerName: '服务商', subject: `反馈${id}`, body: 'x', status: 'open', createdAt: '2026-01-01T00:00:00Z', repliedAt: null });
    renderResource('#/feedback', users.hq,
      listHandler('feedback', [fb(7, 1), fb(8, 3)]),
      listHandler('schools', []),
      http.post(`${API}/feedback/bulk/close`, async ({ request }) => {
        const body = await bodyOf(request);
        sent.push(body);
        return HttpResponse.json({ updated: (body.items as unknown[]).length });
      }),
    );
    await screen.findByText('反馈7');
    await user.click(screen.getAllByRole('checkbox')[0]);
    await user.click(await screen.findByRole('button', { name: '关闭反馈' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('关闭选中的 2 条反馈')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: /确认|Confirm/ }));
    await waitFor(() => expect(sent).toEqual([{ items: [{ id: 7, version: 1 }, { id: 8, version: 3 }] }]));
    expect(await screen.findByText('已关闭 2 条反馈')).toBeInTheDocument();
  });
});
