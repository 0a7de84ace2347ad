import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { listHandler, users } from '../test/api';
import { renderComponent } from '../test/render-resource';
import { StartApplication } from './StartApplication';
import { EntityField } from '../components/audit/AuditEventFields';
import { useNotificationText, type Notification } from '../resources/notifications/notification-text';

/** issue 17 item 7: the small dead ends, each with its way out. */
describe('a school without a tier', () => {
  it('is offered to apply when it has no application in flight', async () => {
    renderComponent(<StartApplication />, '#/', users.school, listHandler('applications', []));
    expect(await screen.findByRole('link', { name: '申请合作层次' })).toHaveAttribute('href', '#/applications/create');
    expect(screen.getByText('贵校尚未确定合作层次。')).toBeInTheDocument();
  });

  it('is led to its returned application to go on with it', async () => {
    renderComponent(<StartApplication />, '#/', users.school, listHandler('applications', [{ id: 12, tier: 'talent_base', status: 'returned' }]));
    expect(await screen.findByRole('link', { name: '继续填写申请' })).toHaveAttribute('href', '#/applications/12');
  });
});

describe('recent activity', () => {
  it('names an import by its rows and links to the list, not to record #0', async () => {
    const event = { id: 1, entityType: 'student', entityId: 0, action: 'import', schoolId: 1, at: '2026-12-01T08:00:00+08:00', actorId: 4, data: { resource: 'students', created: 28, updated: 2 } };
    renderComponent(<RecordContextProvider value={event}><EntityField /></RecordContextProvider>, '#/', users.school);
    const link = await screen.findByRole('link', { name: '导入 30 条学生记录' });
    expect(link).toHaveAttribute('href', '#/students');
    expect(screen.queryByText(/#0/)).toBeNull();
  });
});

function Said({ n }: { n: Notification }) {
  return <span>{useNotificationText()(n).text}</span>;
}

describe('notifications', () => {
  it('name the school they are about', async () => {
    const n: Notification = { id: 1, kind: 'application.submit', entityType: 'application', entityId: 12, params: { tier: 'talent_base', schoolName: '杭州职业技术学院' }, readAt: null, createdAt: '2026-12-01T08:00:00+08:00' };
    renderComponent(<Said n={n} />, '#/', users.hq);
    expect(await screen.findByText('【杭州职业技术学院】学校提交了申报 #12（人才基地），请审核资质')).toBeInTheDocument();
  });
});
