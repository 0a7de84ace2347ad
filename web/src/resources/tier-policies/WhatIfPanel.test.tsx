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

const answer = {
  policyId: 2, tier: 'talent_base', effectiveYear: 2024,
  byRegion: [
    { regionId: 1, nameZh: '华东', nameEn: 'East China', before: { pass: 1, fail: 2 }, after: { pass: 3, fail: 0 } },
    { regionId: 2, nameZh: '华南', nameEn: 'South China', before: { pass: 1, fail: 0 }, after: { pass: 1, fail: 0 } },
  ],
  total: { before: { pass: 2, fail: 2 }, after: { pass: 4, fail: 0 } },
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
  it('posts the unsaved values and shows per region who passes now and with the change, with totals', async () => {
    const page = renderEdit(() => HttpResponse.json(answer));
    await waitFor(() => expect(input('certificates1x')).toHaveValue(40));
    fireEvent.change(input('certificates1x'), { target: { value: '10' } });
    fireEvent.change(input('jobPlatformRate'), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: '预览影响' }));

    const panel = await screen.findByTestId('what-if');
    expect(await within(panel).findByTestId('what-if-summary')).toHaveTextContent('修改后达标 4 所（现为 2 所），共 4 所院校');
    expect(page.bodies[0]).toMatchObject({ version: 3, certificates1x: 10, jobPlatformRate: 0.9, practiceHours: null });
    expect(page.bodies[0]).not.toHaveProperty('comment');

    const east = panel.querySelector('[data-region="1"]')!;
    expect(Array.from(east.querySelectorAll('td')).map((td) => td.textContent)).toEqual(['华东', '1', '2', '3', '0', '+2']);
    const total = panel.querySelector('[data-region="total"]')!;
    expect(Array.from(total.querySelectorAll('td')).map((td) => td.textContent)).toEqual(['合计', '2', '2', '4', '0', '+2']);
    // A preview saves nothing.
    expect(page.saved()).toBe(false);
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
