import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { API, listHandler, users } from '../../test/api';
import { bodyOf, renderResource } from '../../test/render-resource';

const session = {
  id: 5, status: 'scheduled', version: 1, allowedActions: [], title: '2026 春季统考', sessionType: 'unified', kind: '1x_junior',
  examOn: '2026-06-20', registrationOpensOn: '2026-05-01', registrationClosesOn: '2026-06-01', registrationOpen: true, resultsImportedAt: null,
  createdBy: 1, siteIds: [3, 4], candidates: 1, createdAt: '2026-04-01T02:00:00Z', updatedAt: '2026-04-01T02:00:00Z',
  sites: [
    { siteId: 3, name: '杭州考点', status: 'approved', capacity: 40, registered: 39, seatsLeft: 1 },
    { siteId: 4, name: '宁波考点', status: 'approved', capacity: 30, registered: 30, seatsLeft: 0 },
  ],
};
const students = [
  // The picker asks for current students (leftReason none); the test server filters by equality.
  { id: 11, schoolId: 1, studentNo: '2024001', name: '张三', leftReason: 'none' },
  { id: 12, schoolId: 1, studentNo: '2024002', name: '李四', leftReason: 'none' },
];
const mine = {
  id: 70, sessionId: 5, sessionTitle: '2026 春季统考', sessionStatus: 'scheduled', kind: '1x_junior', examOn: '2026-06-20', siteId: 3, siteName: '杭州考点',
  studentId: 10, studentNo: '2023009', studentName: '王五', schoolId: 1, schoolName: '杭州职业技术学院', registeredBy: 4, theoryScore: null, practiceScore: null,
  result: null, certNo: null, certificateId: null, resultRecordedAt: null, withdrawable: true, createdAt: '2026-05-02T02:00:00Z',
};
const noHistory = http.get(`${API}/audit-events`, () => HttpResponse.json([], { headers: { 'Content-Range': 'audit-events 0-0/0' } }));

describe('a school registers candidates for an exam session', () => {
  it('shows the sites with their seats left, registers the chosen students at a site in one request, and says what the server refused', async () => {
    const user = userEvent.setup({ delay: null });
    const sent: Record<string, unknown>[] = [];
    let answer: 'full' | 'ok' = 'full';
    renderResource('#/exam-sessions/5/show', users.school,
      http.get(`${API}/exam-sessions/5`, () => HttpResponse.json(session)),
      listHandler('students', students),
      listHandler('exam-candidates', [mine]),
      http.post(`${API}/exam-candidates/bulk/register`, async ({ request }) => {
        sent.push(await bodyOf(request));
        if (answer === 'full') {
          return HttpResponse.json({
            error: 'validation_failed', code: 'exam_site_full', params: { name: '杭州考点', capacity: 40, left: 1 }, message: 'full',
            details: [{ field: 'siteId', code: 'exam_site_full', params: { name: '杭州考点', capacity: 40, left: 1 }, message: 'full' }],
          }, { status: 400 });
        }
        return HttpResponse.json({ created: 1, ids: [71] });
      }),
      noHistory,
    );
    const sites = await screen.findByRole('table', { name: '考点与座位' });
    expect(within(sites).getByText('杭州考点')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '报名考生' })).toBeInTheDocument();
    // The school's own candidate, with its withdraw button.
    expect(await screen.findByRole('button', { name: '撤销报名 2023009 王五' })).toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: '考点' }));
    const listbox = await screen.findByRole('listbox');
    expect(within(listbox).getByRole('option', { name: /宁波考点 · 剩余座位 0/ })).toHaveAttribute('aria-disabled', 'true');
    await user.click(within(listbox).getByRole('option', { name: /杭州考点 · 剩余座位 1/ }));

    const picker = screen.getByRole('combobox', { name: /学生/ });
    await user.click(picker);
    await user.click(await screen.findByRole('option', { name: /张三/ }));
    await user.click(picker);
    await user.click(await screen.findByRole('option', { name: /李四/ }));
    await user.click(screen.getByRole('button', { name: '报名' }));
    await waitFor(() => expect(sent).toEqual([{ sessionId: 5, siteId: 3, studentIds: [11, 12] }]));
    expect(await screen.findByText(/考点 杭州考点 已满（40 个座位，剩余 1 个）/)).toBeInTheDocument();

    answer = 'ok';
    await user.click(picker);
    await user.keyboard('{Backspace}');
    await user.click(screen.getByRole('button', { name: '报名' }));
    await waitFor(() => expect(sent[1]).toEqual({ sessionId: 5, siteId: 3, studentIds: [11] }));
    expect(await screen.findByText('已报名 1 名考生')).toBeInTheDocument();
  });

  it('withdraws its own candidate while registration is open', async () => {
    const user = userEvent.setup({ delay: null });
    const removed: string[] = [];
    renderResource('#/exam-sessions/5/show', users.school,
      http.get(`${API}/exam-sessions/5`, () => HttpResponse.json(session)),
      listHandler('exam-candidates', [mine]),
      http.delete(`${API}/exam-candidates/:id`, ({ params }) => { removed.push(String(params.id)); return HttpResponse.json({ ...mine, withdrawable: false }); }),
      noHistory,
    );
    await user.click(await screen.findByRole('button', { name: '撤销报名 2023009 王五' }));
    await waitFor(() => expect(removed).toEqual(['70']));
    expect(await screen.findByText('已撤销：2023009 王五')).toBeInTheDocument();
  });
});
