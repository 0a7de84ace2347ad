import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { memoryStore } from 'react-admin';
import { App } from '../App';
import { createAuthProvider } from '../providers/authProvider';
import { createDataProvider } from '../providers/dataProvider';
import { server } from '../test/server';
import { API, listHandler, meHandler, users } from '../test/api';

const notifications = [
  { id: 3, kind: 'application.regional_return', entityType: 'application', entityId: 12, params: { tier: 'industry_college', comment: '请补充实践项目' }, readAt: null, createdAt: new Date(Date.now() - 3_600_000).toISOString() },
  { id: 2, kind: 'agreement.sign', entityType: 'agreement', entityId: 5, params: { tier: 'talent_base', comment: null }, readAt: '2026-03-01T10:00:00+08:00', createdAt: '2026-03-01T09:00:00+08:00' },
  { id: 1, kind: 'something.new', entityType: 'evaluation', entityId: 9, params: {}, readAt: null, createdAt: '2026-02-01T09:00:00+08:00' },
];

function renderApp(unread = 2) {
  const reads: unknown[] = [];
  let count = unread;
  window.location.hash = '#/schools';
  server.use(
    meHandler(users.school),
    // The bell asks the API at the app's own origin.
    http.get('*/api/notifications/unread-count', () => HttpResponse.json({ unread: count })),
    http.post('*/api/notifications/read', async ({ request }) => {
      const body = await request.json();
      reads.push(body);
      count = 0;
      return HttpResponse.json({ read: 1 });
    }),
    listHandler('notifications', notifications),
    listHandler('schools', []),
    listHandler('regions', []),
    http.get(`${API}/applications/12`, () => HttpResponse.json({ id: 12, schoolId: 1, tier: 'industry_college', status: 'returned', version: 2, plan: {}, pledge: false, reviewComments: {}, planItems: [], allowedActions: [] })),
    listHandler('audit-events', []),
    listHandler('evidence', []),
    listHandler('agreements', []),
    listHandler('courses', []),
  );
  render(<App dataProvider={createDataProvider(API)} authProvider={createAuthProvider(API)} store={memoryStore()} />);
  return reads;
}

describe('the notification bell', () => {
  it('shows how many notifications are unread', async () => {
    renderApp(2);
    const bell = await screen.findByTestId('notification-bell');
    await waitFor(() => expect(within(bell).getByText('2')).toBeInTheDocument());
    expect(bell).toHaveAttribute('aria-label', '2 条未读消息');
  });

  it('lists the latest in words, marks one read when it is opened and goes to its record', async () => {
    const reads = renderApp(2);
    fireEvent.click(await screen.findByTestId('notification-bell'));
    const menu = await screen.findByTestId('notification-menu');
    const items = await within(menu).findAllByTestId('notification-item');
    expect(items[0]).toHaveTextContent('大区退回了申报 #12，请按意见修改');
    expect(items[0]).toHaveTextContent('请补充实践项目');
    expect(items[1]).toHaveTextContent('合作协议 #5 已签约');
    // A kind the UI has no sentence for still says what it is about.
    expect(items[2]).toHaveTextContent('评审 #9 有新动态');

    fireEvent.click(items[0]);
    await waitFor(() => expect(reads).toEqual([{ ids: [3] }]));
    await waitFor(() => expect(window.location.hash).toBe('#/applications/12/show'));
  });

  it('marks all read', async () => {
    const reads = renderApp(2);
    fireEvent.click(await screen.findByTestId('notification-bell'));
    const menu = await screen.findByTestId('notification-menu');
    fireEvent.click(within(menu).getByRole('button', { name: '全部标为已读' }));
    await waitFor(() => expect(reads).toEqual([{ all: true }]));
    await waitFor(() => expect(screen.getByTestId('notification-bell')).toHaveAttribute('aria-label', '消息通知'));
  });
});
