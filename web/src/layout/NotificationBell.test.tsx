import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { listHandler, users } from '../test/api';
import { renderComponent } from '../test/render-resource';
import { NotificationBell } from './NotificationBell';

const notifications = [
  { id: 3, kind: 'application.regional_return', entityType: 'application', entityId: 12, params: { tier: 'industry_college', comment: '请补充实践项目' }, readAt: null, createdAt: new Date(Date.now() - 3_600_000).toISOString() },
  { id: 2, kind: 'agreement.sign', entityType: 'agreement', entityId: 5, params: { tier: 'talent_base', comment: null }, readAt: '2026-03-01T10:00:00+08:00', createdAt: '2026-03-01T09:00:00+08:00' },
  { id: 1, kind: 'something.new', entityType: 'evaluation', entityId: 9, params: {}, readAt: null, createdAt: '2026-02-01T09:00:00+08:00' },
];

/** The bell with the app's providers (no page around it), as a school user on the schools list. */
function renderBell(unread = 2) {
  const reads: unknown[] = [];
  let count = unread;
  renderComponent(<NotificationBell />, '#/schools', users.school,
    // The bell asks the API at the app's own origin.
    http.get('*/api/notifications/unread-count', () => HttpResponse.json({ unread: count })),
    http.post('*/api/notifications/read', async ({ request }) => {
      const body = await request.json();
      reads.push(body);
      count = 0;
      return HttpResponse.json({ read: 1 });
    }),
    listHandler('notifications', notifications),
  );
  return reads;
}

describe('the notification bell', () => {
  it('shows how many notifications are unread', async () => {
    renderBell(2);
    const bell = await screen.findByTestId('notification-bell');
    await waitFor(() => expect(within(bell).getByText('2')).toBeInTheDocument());
    expect(bell).toHaveAttribute('aria-label', '2 条未读消息');
  });

  it('lists the latest in words, marks one read when it is opened and goes to its record', async () => {
    const reads = renderBell(2);
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
    const reads = renderBell(2);
    fireEvent.click(await screen.findByTestId('notification-bell'));
    const menu = await screen.findByTestId('notification-menu');
    fireEvent.click(within(menu).getByRole('button', { name: '全部标为已读' }));
    await waitFor(() => expect(reads).toEqual([{ all: true }]));
    await waitFor(() => expect(screen.getByTestId('notification-bell')).toHaveAttribute('aria-label', '消息通知'));
  });
});
