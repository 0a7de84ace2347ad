import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { API, listHandler, users } from '../../test/api';
import { renderResource } from '../../test/render-resource';

const talentBase = {
  id: 2, tier: 'talent_base', effectiveYear: 2024, certifiedInstructors: 3, teachingDelivery: 1, offlineCourses: null,
  offlineCourseMinHours: 32, practiceHours: null, certificates1x: 40, certificatesOperator: 60, jobPlatformRate: 0.95,
  activeResumeCompleteness: 80, activeMinApplications: 1, jobFairs: 1, termYears: 3, requiresSigning: true,
  requiresPlaque: false, requiresInspection: true, version: 3, updatedBy: 1, updatedAt: '2026-01-05T10:00:00+08:00',
};

const school = (id: number, name: string, regionId: number, flip: 'pass_to_fail' | 'fail_to_pass' | null, failingBefore: string[], failingAfter: string[]) => ({
  schoolId: id, schoolName: name, regionId, tier: 'talent_base', agreementId: id * 10, year: 2, complianceId: `${id * 10}-2`,
  before: failingBefore.length === 0, after: failingAfter.length === 0, flip, failingBefore, failingAfter,
});

const answer = {
  policyId: 2, tier: 'talent_base', effectiveYear: 2024, recomputedKpis: [],
  byRegion: [
    { regionId: 1, nameZh: '华东', nameEn: 'East China', before: { pass: 1, fail: 2 }, after: { pass: 2, fail: 1 }, passToFail: 1, failToPass: 2 },
    { regionId: 2, nameZh: '华南', nameEn: 'South China', before: { pass: 1, fail: 0 }, after: { pass: 1, fail: 0 }, passToFail: 0, failToPass: 0 },
  ],
  byTier: [{ tier: 'talent_base', before: { pass: 2, fail: 2 }, after: { pass: 3, fail: 1 }, passToFail: 1, failToPass: 2 }],
  total: { before: { pass: 2, fail: 2 }, after: { pass: 3, fail: 1 }, passToFail: 1, failToPass: 2 },
  schools: [
    school(11, '浙江金融职业学院', 1, 'pass_to_fail', [], ['jobFairs']),
    school(12, '义乌工商职业技术学院', 1, 'fail_to_pass', ['certificates1x', 'certificatesOperator'], []),
    school(13, '宁波职业技术学院', 1, 'fail_to_pass', ['jobPlatformRate'], []),
    school(21, '广东轻工职业技术大学', 2, null, [], []),
  ],
};

function renderEdit(whatIf: (body: Record<string, unknown>) => Response) {
  const bodies: Record<string, unknown>[] = [];
  let saved = false;
  renderResource('#/tier-policies/2', users.hq,
    http.get(`${API}/tier-policies/2`, () => HttpResponse.json(talentBase)),
    http.put(`${API}/tier-policies/2`, () => {
      saved = true;
      return HttpResponse.json(talentBase);
    }),
    http.post('*/api/tier-policies/2/what-if', async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      bodies.push(body);
      return whatIf(body);
    }),
    listHandler('audit-events', []),
    listHandler('users', [{ id: 1, name: '王总部', email: 'hq@demo.test', role: 'hq' }]),
  );
  return { bodies, saved: () => saved };
}

const input = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;

describe('previewing a tier policy edit before saving it', () => {
  it('posts the unsaved values and names the schools that flip, linked, with the tallies by region and tier', async () => {
    const page = renderEdit(() => HttpResponse.json(answer));
    await waitFor(() => expect(input('certificates1x')).toHaveValue(40));
    fireEvent.change(input('certificates1x'), { target: { value: '10' } });
    fireEvent.change(input('jobPlatformRate'), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: '预览影响' }));

    const panel = await screen.findByTestId('what-if');
    expect(await within(panel).findByTestId('what-if-summary')).toHaveTextContent('修改后达标 3 所（现为 2 所），共 4 所院校');
    expect(page.bodies[0]).toMatchObject({ version: 3, certificates1x: 10, jobPlatformRate: 0.9, practiceHours: null });
    expect(page.bodies[0]).not.toHaveProperty('comment');

    // The schools that flip, by region and tier, each a link to its school; the one that keeps its verdict is not listed.
    const flips = within(panel).getByTestId('what-if-flips');
    expect(within(flips).getByText('转为未达标 1')).toBeInTheDocument();
    expect(within(flips).getByText('转为达标 2')).toBeInTheDocument();
    const group = flips.querySelector('[data-group="1-talent_base"]') as HTMLElement;
    expect(within(group).getByText('华东')).toBeInTheDocument();
    expect(within(group).getByText('人才基地')).toBeInTheDocument();
    const items = Array.from(group.querySelectorAll('li'));
    expect(items.map((li) => [li.getAttribute('data-school'), li.getAttribute('data-flip')])).toEqual([['11', 'pass_to_fail'], ['12', 'fail_to_pass'], ['13', 'fail_to_pass']]);
    expect(within(items[0]).getByRole('link', { name: '浙江金融职业学院' })).toHaveAttribute('href', '#/schools/11/show');
    expect(items[0]).toHaveTextContent('修改后未达标：招聘会');
    expect(items[1]).toHaveTextContent('现未达标：1+X证书人数、操盘官证书人数');
    expect(flips.querySelector('[data-school="21"]')).toBeNull();

    const east = panel.querySelector('[data-region="1"]')!;
    expect(Array.from(east.querySelectorAll('td')).map((td) => td.textContent)).toEqual(['华东', '1', '2', '2', '1', '+1', '1', '2']);
    const total = panel.querySelector('[data-region="total"]')!;
    expect(Array.from(total.querySelectorAll('td')).map((td) => td.textContent)).toEqual(['合计', '2', '2', '3', '1', '+1', '1', '2']);
    const tier = panel.querySelector('[data-tier="talent_base"]')!;
    expect(Array.from(tier.querySelectorAll('td')).map((td) => td.textContent)).toEqual(['人才基地', '2', '2', '3', '1', '+1', '1', '2']);
    // A preview saves nothing.
    expect(page.saved()).toBe(false);
  });

  it('says when nothing flips, and which KPIs an edit of a counting rule measured again', async () => {
    renderEdit(() => HttpResponse.json({
      ...answer, recomputedKpis: ['jobPlatformRate'],
      byRegion: answer.byRegion.map((r) => ({ ...r, after: r.before, passToFail: 0, failToPass: 0 })),
      byTier: [{ ...answer.byTier[0], after: answer.byTier[0].before, passToFail: 0, failToPass: 0 }],
      total: { ...answer.total, after: answer.total.before, passToFail: 0, failToPass: 0 },
      schools: answer.schools.map((s) => ({ ...s, flip: null, failingAfter: s.failingBefore, after: s.before })),
    }));
    await waitFor(() => expect(input('activeMinApplications')).toHaveValue(1));
    fireEvent.change(input('activeMinApplications'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: '预览影响' }));
    const flips = await screen.findByTestId('what-if-flips');
    expect(within(flips).getByText('没有院校的达标情况发生变化。')).toBeInTheDocument();
    expect(screen.getByText(/已重新计算：/)).toHaveTextContent('修改了计数规则，已重新计算：就业平台活跃率');
  });

  it('says when the form changed since the preview', async () => {
    renderEdit(() => HttpResponse.json(answer));
    await waitFor(() => expect(input('certificates1x')).toHaveValue(40));
    fireEvent.click(screen.getByRole('button', { name: '预览影响' }));
    await screen.findByTestId('what-if-summary');
    expect(screen.queryByText('表单已修改，预览结果可能已过时。')).toBeNull();
    fireEvent.change(input('jobFairs'), { target: { value: '2' } });
    expect(await screen.findByText('表单已修改，预览结果可能已过时。')).toBeInTheDocument();
  });

  it("shows the server's message when the values cannot be previewed", async () => {
    renderEdit(() => HttpResponse.json({ error: 'validation_failed', message: 'jobPlatformRate: must be at most 1' }, { status: 400 }));
    await waitFor(() => expect(input('certificates1x')).toHaveValue(40));
    fireEvent.click(screen.getByRole('button', { name: '预览影响' }));
    expect(await screen.findByText('jobPlatformRate: must be at most 1')).toBeInTheDocument();
  });
});
