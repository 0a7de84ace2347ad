import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../test/server';
import { API, listHandler, users } from '../../test/api';
import { renderResource } from '../../test/render-resource';

const talentBase = {
  id: 2, tier: 'talent_base', effectiveYear: 2024, certifiedInstructors: 3, teachingDelivery: 1, offlineCourses: null,
  offlineCourseMinHours: 32, practiceHours: null, certificates1x: 40, certificatesOperator: 60, jobPlatformRate: 0.95,
  activeResumeCompleteness: 80, activeMinApplications: 1, jobFairs: 1, termYears: 3, requiresSigning: true,
  requiresPlaque: false, requiresInspection: true, version: 3, updatedBy: 1, updatedAt: '2026-01-05T10:00:00+08:00',
};

function renderEdit() {
  return renderResource('#/tier-policies/2', users.hq,
    http.get(`${API}/tier-policies/2`, () => HttpResponse.json(talentBase)),
    listHandler('audit-events', []),
    listHandler('users', [{ id: 1, name: '王总部', email: 'hq@demo.test', role: 'hq' }]),
  );
}

const input = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const switchOf = (label: string) => screen.getByRole('switch', { name: new RegExp(`^${label}`) });

describe('editing a tier policy', () => {
  it('shows ratios as percentages and null thresholds as switched off', async () => {
    renderEdit();
    await waitFor(() => expect(input('jobPlatformRate')).toHaveValue(95));
    expect(switchOf('人均实战时长')).not.toBeChecked();
    expect(input('practiceHours')).toBeDisabled();
    expect(switchOf('招聘会')).toBeChecked();
    expect(screen.getByText(/版本 3/)).toBeInTheDocument();
  });

  it('sends fractions, nulls for switched-off thresholds, the version and the comment', async () => {
    let body: Record<string, unknown> | undefined;
    server.use(http.put(`${API}/tier-policies/2`, async ({ request }) => {
      body = (await request.json()) as Record<string, unknown>;
      return HttpResponse.json({ ...talentBase, ...body, version: 4 });
    }));
    renderEdit();
    await waitFor(() => expect(input('jobPlatformRate')).toHaveValue(95));

    fireEvent.click(switchOf('人均实战时长'));
    fireEvent.change(input('practiceHours'), { target: { value: '120' } });
    fireEvent.click(switchOf('招聘会'));
    fireEvent.change(input('jobPlatformRate'), { target: { value: '90' } });
    fireEvent.change(document.querySelector('textarea[name="comment"]')!, { target: { value: '调整实战要求' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    await waitFor(() => expect(body).toBeDefined());
    expect(body).toMatchObject({ version: 3, practiceHours: 120, jobFairs: null, jobPlatformRate: 0.9, comment: '调整实战要求', offlineCourses: null });
    expect(body).not.toHaveProperty('id');
    expect(body).not.toHaveProperty('updatedAt');
  });

  it('refuses an impossible percentage before asking the server', async () => {
    let called = false;
    server.use(http.put(`${API}/tier-policies/2`, () => {
      called = true;
      return HttpResponse.json(talentBase);
    }));
    renderEdit();
    await waitFor(() => expect(input('jobPlatformRate')).toHaveValue(95));
    fireEvent.change(input('jobPlatformRate'), { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('须在 0% 到 100% 之间')).toBeInTheDocument();
    expect(called).toBe(false);
  });

  it('says so when someone else saved first (409) and keeps what was typed', async () => {
    server.use(http.put(`${API}/tier-policies/2`, () =>
      HttpResponse.json({ error: 'stale_version', message: 'This policy was changed by someone else since you opened it; reload it and apply your change again.' }, { status: 409 })));
    renderEdit();
    await waitFor(() => expect(input('jobPlatformRate')).toHaveValue(95));
    fireEvent.change(input('jobPlatformRate'), { target: { value: '85' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    const alert = await screen.findByText('此记录在您打开后已被他人修改。请重新加载页面，再次进行修改。');
    expect(within(alert.closest('[role="alert"]')! as HTMLElement).getByRole('button', { name: '重新加载' })).toBeInTheDocument();
    expect((await screen.findAllByText(/changed by someone else/)).length).toBeGreaterThan(0);
    expect(input('jobPlatformRate')).toHaveValue(85);
  });

  it('shows a field error the server sends under its input', async () => {
    server.use(http.put(`${API}/tier-policies/2`, () =>
      HttpResponse.json({ error: 'validation_failed', message: 'A plaque ceremony needs signing: tick "requires signing" too.', details: [{ field: 'requiresSigning', message: 'required when a plaque is required' }] }, { status: 400 })));
    renderEdit();
    await waitFor(() => expect(input('jobPlatformRate')).toHaveValue(95));
    fireEvent.click(screen.getByRole('switch', { name: '需揭牌' }));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('required when a plaque is required')).toBeInTheDocument();
    expect(await screen.findByText('A plaque ceremony needs signing: tick "requires signing" too.')).toBeInTheDocument();
  });

  describe('leaving with unsaved thresholds', () => {
    afterEach(() => { vi.restoreAllMocks(); });

    it('asks first, and staying keeps what was typed', async () => {
      const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
      const page = renderEdit();
      await waitFor(() => expect(input('jobPlatformRate')).toHaveValue(95));
      fireEvent.change(input('jobPlatformRate'), { target: { value: '85' } });
      page.navigate('/tier-policies');
      await waitFor(() => expect(confirm).toHaveBeenCalledWith('部分修改尚未保存。确定要放弃这些修改吗？'));
      expect(input('jobPlatformRate')).toHaveValue(85);
      expect(window.location.hash).toBe('#/tier-policies/2');
    });

    it('leaves when the user confirms, and without asking when nothing was changed', async () => {
      const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
      const page = renderEdit();
      await waitFor(() => expect(input('jobPlatformRate')).toHaveValue(95));
      page.navigate('/tier-policies/2/show');
      await waitFor(() => expect(window.location.hash).toBe('#/tier-policies/2/show'));
      expect(confirm).not.toHaveBeenCalled();
      page.navigate('/tier-policies/2');
      await waitFor(() => expect(input('jobPlatformRate')).toHaveValue(95));
      fireEvent.change(input('jobPlatformRate'), { target: { value: '85' } });
      page.navigate('/tier-policies');
      await waitFor(() => expect(window.location.hash).toBe('#/tier-policies'));
      expect(confirm).toHaveBeenCalledTimes(1);
    });

    it('does not ask after a successful save', async () => {
      const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
      server.use(http.put(`${API}/tier-policies/2`, async ({ request }) => HttpResponse.json({ ...talentBase, ...((await request.json()) as object), version: 4 })));
      renderEdit();
      await waitFor(() => expect(input('jobPlatformRate')).toHaveValue(95));
      fireEvent.change(input('jobPlatformRate'), { target: { value: '85' } });
      fireEvent.click(screen.getByRole('button', { name: '保存' }));
      await waitFor(() => expect(window.location.hash).toBe('#/tier-policies/2/show'));
      expect(confirm).not.toHaveBeenCalled();
    });
  });
});
