import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { API, listHandler, users } from '../../test/api';
import { renderResource } from '../../test/render-resource';

/** issue 12: the form offers "delete draft" when the server lists `delete` in allowedActions, never from the state alone. */
const draft = {
  id: 9, schoolId: 1, schoolName: '杭州职业技术学院', regionId: 1, tier: 'partner_school', status: 'draft', version: 2,
  plan: { summary: '', contact: { name: '', phone: '' }, qualifications: {}, targets: {} },
  pledge: false, reviewComments: {}, planItems: [], allowedActions: ['submit', 'delete'], editable: true, waitingDays: null,
  submittedAt: null, decidedAt: null, createdAt: '2026-03-01T09:00:00+08:00', updatedAt: '2026-03-01T09:00:00+08:00',
};

function renderForm(record: Record<string, unknown>) {
  renderResource(`#/applications/${record.id}`, users.school,
    http.get(`${API}/applications/${record.id}`, () => HttpResponse.json(record)),
    listHandler('tier-policies', []),
    listHandler('courses', []),
    listHandler('evidence', []),
    listHandler('audit-events', []),
    http.get(`${API}/notifications/unread-count`, () => HttpResponse.json({ unread: 0 })),
    listHandler('notifications', []),
  );
}

describe('the delete-draft button', () => {
  it('is there when allowedActions lists delete', async () => {
    renderForm(draft);
    expect(await screen.findByTestId('submit-application')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '删除草稿' })).toBeInTheDocument();
  });

  it('is not there when allowedActions does not, even on a draft', async () => {
    renderForm({ ...draft, allowedActions: ['submit'] });
    expect(await screen.findByTestId('submit-application')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: '删除草稿' })).toBeNull());
  });
});
