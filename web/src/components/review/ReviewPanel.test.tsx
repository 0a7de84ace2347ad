import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReviewContextRecord } from '@campus/common';
import { renderResource } from '../../test/render-resource';
import { API, listHandler } from '../../test/api';

/**
 * issue 17 item 1: a regional reviewer sees the tier policy's checklist beside the application, what a
 * resubmission changed, the school's history one click away, and after an action lands on the next
 * application of their queue (or a "queue done" state when none is left).
 */
const regional = { id: 2, email: 'east@demo.test', name: '周晓东', role: 'regional', regionIds: [1], schoolId: null, providerId: null, locale: 'zh' } as const;

const application = (id: number, school: string) => ({
  id, schoolId: id, schoolName: school, regionId: 1, tier: 'talent_base', status: 'pending_regional', version: 3,
  plan: { summary: '共建人才基地', contact: { name: '陈老师', phone: '0571-88888888' }, qualifications: { cbecDisciplineBase: true }, targets: { certificates1x: 50 } },
  pledge: true, reviewComments: {}, editable: false, waitingDays: 4, resubmitted: id === 9, allowedActions: ['regional_approve', 'regional_return', 'regional_reject'],
  planItems: [{ id: 51, kind: 'instructor', title: '王芳', details: { certNo: '1XJS-1' }, needsPlatformSupport: false, approved: null }],
  submittedAt: '2026-03-02T10:00:00+08:00', decidedAt: null, createdAt: '2026-03-01T09:00:00+08:00', updatedAt: '2026-03-02T10:00:00+08:00',
});

const context = (id: number): ReviewContextRecord => ({
  subject: { kind: 'application', id, schoolId: id, schoolName: '杭州职业技术学院', tier: 'talent_base', policyId: 7, policyYear: 2026, agreementYear: null },
  checklist: [
    { key: 'certifiedInstructors', required: { n: 3 }, actual: { n: 1, recorded: 1 }, met: false, source: 'plan', evidence: [{ label: '王芳', detail: '1XJS-1 · senior', date: '2027-06-30', counts: true }] },
    { key: 'certificates', required: { certificates1x: 40, certificatesOperator: 60 }, actual: { certificates1x: 50, certificatesOperator: null }, met: true, source: 'plan', evidence: [] },
    { key: 'jobPlatformRate', required: { n: 0.95 }, actual: { n: null }, met: false, source: 'plan', evidence: [] },
    { key: 'practiceHours', required: { n: null }, actual: { n: null }, met: null, source: 'plan', evidence: [] },
  ],
  history: {
    school: { id, name: '杭州职业技术学院', regionId: 1, tier: 'partner_school', status: 'partner' },
    agreements: [{ id: 31, tier: 'partner_school', status: 'active', startDate: '2025-03-01', termYears: 1, endedOn: null, evaluations: [{ id: 41, year: 1, status: 'decided', decision: 'continue', reason: '达标', decidedAt: '2026-03-01T10:00:00+08:00' }] }],
    compliance: [{ agreementId: 31, year: 1, from: '2025-03-01', to: '2026-03-01', current: false, compliant: false, failingKpis: ['jobFairs'] }],
    instructors: [{ id: 5, name: '王芳', validToday: true, certifications: [{ certNo: '1XJS-1', level: 'senior', validFrom: '2024-07-01', validTo: '2027-06-30' }] }],
    applications: [{ id: 3, tier: 'partner_school', status: 'approved', submittedAt: '2025-01-02T10:00:00+08:00', decidedAt: '2025-02-01T10:00:00+08:00', reviews: [{ action: 'regional_approve', at: '2025-01-10T10:00:00+08:00', actorName: '周晓东', comment: '资质齐全', fieldComments: {} }] }],
  },
  resubmission: id === 9 ? {
    returnedAt: '2026-02-20T10:00:00+08:00', returnedBy: '周晓东', action: 'regional_return', comment: '请补充讲师', fieldComments: {},
    diff: { fields: [{ path: 'plan.summary', before: '旧摘要', after: '共建人才基地' }], added: [{ id: 51, kind: 'instructor', title: '王芳' }], removed: [], changed: [], empty: false },
  } : null,
});

/** The queue: what the list would show with queue=true, as rows the test moves on. */
function serve(queue: ReturnType<typeof application>[]) {
  const acted: number[] = [];
  const all = [application(9, '杭州职业技术学院'), application(10, '宁波职业技术学院')];
  renderResource('#/applications/9/show', regional as never,
    // The panel asks the API on the page's own origin (a relative /api URL).
    http.get('*/api/applications/:id/review-context', ({ params }) => HttpResponse.json(context(Number(params.id)))),
    http.get(`${API}/applications/:id`, ({ params }) => HttpResponse.json(all.find((a) => a.id === Number(params.id)))),
    http.get(`${API}/applications`, ({ request }) => {
      const filter = JSON.parse(new URL(request.url).searchParams.get('filter') ?? '{}');
      expect(filter.queue).toBe(true);
      const rows = queue.filter((r) => !acted.includes(r.id));
      return HttpResponse.json(rows, { headers: { 'Content-Range': `applications 0-${Math.max(rows.length - 1, 0)}/${rows.length}` } });
    }),
    http.post(`${API}/applications/:id/actions/:action`, ({ params }) => {
      acted.push(Number(params.id));
      return HttpResponse.json({ ...application(Number(params.id), ''), status: 'pending_hq', version: 4, allowedActions: [] });
    }),
    listHandler('courses', []),
    listHandler('evidence', []),
    listHandler('agreements', []),
  );
  return acted;
}

describe('the review panel of an application', () => {
  it('shows the policy checklist against the plan, the resubmission diff and the school history', async () => {
    serve([]);
    const checklist = await screen.findByTestId('review-checklist');
    expect(within(checklist).getByText(/2026 年起执行的层次政策要求/)).toBeInTheDocument();
    const instructors = within(checklist).getByTestId('check-certifiedInstructors');
    expect(instructors).toHaveAttribute('data-met', 'false');
    expect(within(instructors).getByTestId('check-required-certifiedInstructors')).toHaveTextContent('≥ 3');
    expect(within(instructors).getByTestId('check-actual-certifiedInstructors')).toHaveTextContent('计划 1 人 · 在册有效 1 人');
    expect(within(instructors).getByText(/王芳 · 1XJS-1 · senior · 有效至 2027-06-30/)).toBeInTheDocument();
    expect(within(checklist).getByTestId('check-required-certificates')).toHaveTextContent('1+X ≥ 40 或 操盘官 ≥ 60');
    expect(within(checklist).getByTestId('check-required-jobPlatformRate')).toHaveTextContent('≥ 95%');
    expect(within(checklist).getByTestId('check-required-practiceHours')).toHaveTextContent('本层次无要求');
    expect(within(checklist).getByTestId('check-practiceHours')).toHaveAttribute('data-met', 'null');

    const diff = screen.getByTestId('resubmission-diff');
    expect(diff).toHaveTextContent('请补充讲师');
    expect(within(diff).getByTestId('diff-added')).toHaveTextContent('王芳');
    expect(within(diff).getByTestId('diff-field')).toHaveTextContent('旧摘要 → 共建人才基地');

    fireEvent.click(screen.getByTestId('school-history-open'));
    const history = await screen.findByTestId('school-history');
    expect(within(history).getByTestId('history-agreements')).toHaveTextContent('协议 #31');
    expect(within(history).getByTestId('history-compliance')).toHaveTextContent('未达标');
    expect(within(history).getByTestId('history-instructors')).toHaveTextContent('1XJS-1 (senior) 2024-07-01 – 2027-06-30');
    expect(within(history).getByTestId('history-applications')).toHaveTextContent('资质齐全');
  });

  it('after an approval lands on the next application of the queue, then on "queue done"', async () => {
    const acted = serve([application(9, '杭州职业技术学院'), application(10, '宁波职业技术学院')]);
    fireEvent.click(await screen.findByRole('button', { name: '大区通过' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByTestId('workflow-confirm'));
    await waitFor(() => expect(window.location.hash).toBe('#/applications/10/show'));
    expect(acted).toEqual([9]);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('宁波职业技术学院'));

    fireEvent.click(await screen.findByRole('button', { name: '大区通过' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByTestId('workflow-confirm'));
    expect(await screen.findByTestId('queue-done')).toHaveTextContent('队列已处理完毕');
    expect(window.location.hash).toBe('#/applications/10/show');
    expect(acted).toEqual([9, 10]);
  });
});
