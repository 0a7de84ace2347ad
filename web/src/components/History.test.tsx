import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { AdminContext, memoryStore } from 'react-admin';
import { createDataProvider } from '../providers/dataProvider';
import { i18nProvider } from '../i18n';
import { server } from '../test/server';
import { API, listHandler } from '../test/api';
import { History } from './History';

const events = [
  { id: 11, entityType: 'application', entityId: 7, action: 'create', fromState: null, toState: 'draft', actorId: 4, actorName: '李老师', at: '2026-03-01T09:00:00+08:00', comment: null, data: { tier: 'industry_college' } },
  { id: 12, entityType: 'application', entityId: 7, action: 'submit', fromState: 'draft', toState: 'pending_regional', actorId: 4, actorName: '李老师', at: '2026-03-02T10:30:00+08:00', comment: null, data: {} },
  {
    id: 13, entityType: 'application', entityId: 7, action: 'regional_return', fromState: 'pending_regional', toState: 'returned', actorId: 2, actorName: '周晓东',
    at: '2026-03-03T16:05:00+08:00', comment: '请补充实战项目安排', data: { fieldComments: { 'plan.targets': '1+X 证书目标偏低', 'plan.summary': '' } },
  },
  {
    id: 14, entityType: 'application', entityId: 7, action: 'hq_approve', fromState: 'pending_hq', toState: 'approved', actorId: 1, actorName: null,
    at: '2026-03-05T11:00:00+08:00', comment: null, data: { planItemDecisions: { 31: true, 32: false } },
  },
];

function renderHistory(seen: URL[] = [], rows = events, props: Partial<Parameters<typeof History>[0]> = {}) {
  server.use(listHandler('audit-events', rows, (url) => seen.push(url)));
  return render(
    <AdminContext dataProvider={createDataProvider(API)} i18nProvider={i18nProvider} store={memoryStore()}>
      <History entityType="application" entityId={7} {...props} />
    </AdminContext>,
  );
}

describe('the history timeline', () => {
  it("asks for the record's audit events, oldest first", async () => {
    const seen: URL[] = [];
    renderHistory(seen);
    await screen.findAllByTestId('history-event');
    const url = seen[0];
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({ entityType: 'application', entityId: 7 });
    expect(JSON.parse(url.searchParams.get('sort')!)).toEqual(['at', 'ASC']);
  });

  it('shows who did what when, the state change and the comment', async () => {
    renderHistory();
    const items = await screen.findAllByTestId('history-event');
    expect(items).toHaveLength(4);
    const returned = items[2];
    expect(within(returned).getByText('大区退回')).toBeInTheDocument();
    expect(within(returned).getByText('待大区审核')).toBeInTheDocument();
    expect(within(returned).getByText('已退回')).toBeInTheDocument();
    expect(within(returned).getByText(/周晓东/)).toBeInTheDocument();
    // The time is China's, whatever the browser's zone.
    expect(within(returned).getByText(/2026-03-03 16:05/)).toBeInTheDocument();
    expect(within(returned).getByTestId('history-comment')).toHaveTextContent('请补充实战项目安排');
  });

  it('lists the comments by field, and leaves out empty ones', async () => {
    renderHistory([], events, { fieldLabel: (f) => ({ 'plan.targets': '目标' } as Record<string, string>)[f] ?? f });
    const comments = await screen.findByTestId('history-field-comments');
    expect(comments).toHaveTextContent('目标：1+X 证书目标偏低');
    expect(comments).not.toHaveTextContent('plan.summary');
  });

  it('names the plan items of platform-support decisions, and the system when no one acted', async () => {
    renderHistory([], events, { itemLabel: (id) => (id === '31' ? '仿真实训室' : undefined) });
    const items = await screen.findAllByTestId('history-event');
    const approved = items[3];
    expect(within(approved).getByText('仿真实训室：同意')).toBeInTheDocument();
    expect(within(approved).getByText('计划项 #32：不同意')).toBeInTheDocument();
    expect(within(approved).getByText(/系统/)).toBeInTheDocument();
  });

  it('says so when nothing has happened yet', async () => {
    renderHistory([], []);
    expect(await screen.findByText('暂无流转记录')).toBeInTheDocument();
  });
});
