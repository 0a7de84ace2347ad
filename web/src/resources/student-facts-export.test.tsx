import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { listHandler, users } from '../test/api';
import { captureDownloads } from '../test/downloads';
import { renderResource } from '../test/render-resource';

const blobs = captureDownloads();

/**
 * The exports of the facts an import keys by student number (issue 17 item 3) write the student
 * number (and a completion's course code) beside the name, under the headers the imports read:
 * server/src/modules/facts/import/round-trip-student-facts.test.ts imports these very files back.
 */
async function exported(hash: string, rows: Record<string, unknown>[]) {
  const resource = hash.slice(2);
  renderResource(hash, users.school, listHandler(resource, rows as { id: number }[]), listHandler('students', []));
  await screen.findAllByText(String(rows[0].studentName));
  fireEvent.click(await screen.findByRole('button', { name: '导出' }));
  await waitFor(() => expect(blobs).toHaveLength(1), { timeout: 10_000 });
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blobs[0].arrayBuffer());
  expect(text.startsWith('\ufeff')).toBe(true);
  return text.slice(1).split('\r\n').map((line) => line.split(','));
}

describe('student facts export what their imports read back', () => {
  it('practice records: student number, name, project, hours, date, the confirmation in words, provider', async () => {
    const csv = await exported('#/practice-records', [
      { id: 1, schoolId: 1, studentId: 7, studentNo: 'SF001', studentName: '王芳', providerId: null, providerName: null, project: '义乌小商品出海实战', hours: 2.5, practicedOn: '2025-05-12', confirmed: false },
    ]);
    expect(csv).toEqual([
      ['学号', '学生姓名', '实战项目', '学时', '实战日期', '学校已确认', '服务商'],
      ['SF001', '王芳', '义乌小商品出海实战', '2.5', '2025-05-12', '待确认', ''],
    ]);
  });

  it('job registrations: student number, name, registration, account, completeness, application dates', async () => {
    const csv = await exported('#/job-registrations', [
      { id: 1, schoolId: 1, studentId: 7, studentNo: 'SF001', studentName: '王芳', registeredOn: '2025-03-01', platformAccount: 'wangfang', resumeCompleteness: 85, applicationDates: ['2025-03-05', '2025-04-12'] },
    ]);
    expect(csv).toEqual([
      ['学号', '学生姓名', '注册日期', '平台账号', '简历完整度', '投递日期'],
      ['SF001', '王芳', '2025-03-01', 'wangfang', '85', '2025-03-05; 2025-04-12'],
    ]);
  });

  it('course completions: student number, name, course code, course title, date', async () => {
    const csv = await exported('#/course-completions', [
      { id: 1, schoolId: 1, studentId: 7, studentNo: 'SF001', studentName: '王芳', courseId: 3, courseCode: 'RT-C1', courseTitle: '跨境电商B2B店铺运营实战', completedOn: '2025-01-10' },
    ]);
    expect(csv).toEqual([
      ['学号', '学生姓名', '课程代码', '课程名称', '完成日期'],
      ['SF001', '王芳', 'RT-C1', '跨境电商B2B店铺运营实战', '2025-01-10'],
    ]);
  });
});
